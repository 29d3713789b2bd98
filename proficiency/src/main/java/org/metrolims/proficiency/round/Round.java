package org.metrolims.proficiency.round;

import java.time.Instant;

/**
 * A PT round of a scheme.
 *
 * @param referenceValue       the reference / certified / reference-lab value when the scheme does not use a
 *                             consensus, else null
 * @param referenceUncertainty its standard uncertainty, or null
 * @param summary              the statistics of the scoring, null until the round is scored
 */
public record Round(long id, long schemeId, String schemeCode, String code, RoundStatus status,
        RoundSchedule schedule, Double referenceValue, Double referenceUncertainty, Summary summary,
        String createdBy, int version) {

    /** Whether results submitted at {@code now} are late. */
    public boolean deadlinePassed(Instant now) {
        return now.isAfter(schedule.submissionDeadline());
    }

    /**
     * What scoring stored on the round.
     *
     * @param assignedValue            x_pt
     * @param assignedValueUncertainty u(x_pt)
     * @param sigmaPt                  sigma_pt
     * @param robustMean               x* by Algorithm A, null when fewer than three results
     * @param robustSd                 s* by Algorithm A, null when fewer than three results
     * @param iterations               Algorithm A updates, null when fewer than three results
     */
    public record Summary(double assignedValue, double assignedValueUncertainty, double sigmaPt, Double robustMean,
            Double robustSd, Integer iterations, Instant scoredAt, String scoredBy) {

        /** u(x_pt) &lt; 0.3 sigma_pt (ISO 13528:2022 9.2.1): labs are classified by z, otherwise by z'. */
        public boolean uncertaintyNegligible() {
            return assignedValueUncertainty < 0.3 * sigmaPt;
        }
    }
}
