package org.metrolims.calibration.record;

import org.metrolims.calibration.uncertainty.Correlation;
import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.decision.Verdict;

/**
 * A calibration point as stored: readings and their mean, error (mean − nominal) and correction (−error), the
 * budget with u_c, ν_eff and the reported U with k and p (U to two significant digits, JCGM 100:2008 7.2.6), and —
 * when it has a tolerance — the decision with the rule it was taken under.
 *
 * <p>A point may have <em>no readings</em>: a result taken over from another record (historical, or imported
 * from an earlier system) that states the mean, its error and U only. No Type A evaluation was made here, so it has
 * no standard deviation; its budget, when it has one, carries the whole uncertainty.
 *
 * @param readings the repeated readings; empty for a result without readings
 * @param standardDeviation s of the readings (JCGM 100:2008 4.2.2); null when the point has no readings
 * @param effectiveDegreesOfFreedom ν_eff, null for infinite (or beyond 10¹²)
 * @param tolerance ± maximum permissible error in {@code toleranceUnit}, or null
 * @param decisionRule null when the point has no tolerance; the remaining decision fields are then null too
 * @param acceptanceLower A_L in the point's unit, null when open
 * @param conformity the point's statement (NOT_STATED without a tolerance)
 * @param correlations the correlation coefficients its budget used (JCGM 100:2008 5.2.2), none when independent
 */
public record MeasuredPoint(int seq, double nominal, String unit, List<Double> readings, double mean,
        Double standardDeviation, double error, double correction, double combinedStandardUncertainty,
        Double effectiveDegreesOfFreedom, double expandedUncertainty, double coverageFactor,
        double coverageProbability, Double tolerance, String toleranceUnit, DecisionRuleCode decisionRule,
        Double guardBandMultiplier, Double guardBand, Double acceptanceLower, Double acceptanceUpper,
        Double conformanceProbability, Verdict verdict, Conformity conformity, List<BudgetComponent> components,
        List<Correlation> correlations) {

    public MeasuredPoint {
        readings = List.copyOf(readings);
        components = List.copyOf(components);
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
    }

    /** Whether the point was measured here with repeated readings (false for a result without readings). */
    public boolean hasReadings() {
        return !readings.isEmpty();
    }
}
