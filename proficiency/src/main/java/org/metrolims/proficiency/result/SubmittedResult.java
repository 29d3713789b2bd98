package org.metrolims.proficiency.result;

import java.time.Instant;

/**
 * One stored revision of a lab's result. Revisions are never changed; the latest one counts.
 *
 * @param late       submitted after the deadline and accepted by an officer ({@code acceptedBy})
 */
public record SubmittedResult(long id, long enrolmentId, String labCode, int revision, double value,
        Double standardUncertainty, Double expandedUncertainty, Double coverageFactor, String method, String remarks,
        String submittedBy, Instant submittedAt, boolean late, String acceptedBy) {

    /** u(x): as given, or U / k; null when the lab gave no uncertainty. */
    public Double effectiveStandardUncertainty() {
        if (standardUncertainty != null) {
            return standardUncertainty;
        }
        return expandedUncertainty == null ? null : expandedUncertainty / coverageFactor;
    }
}
