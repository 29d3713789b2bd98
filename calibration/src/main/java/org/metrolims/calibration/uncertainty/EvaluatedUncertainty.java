package org.metrolims.calibration.uncertainty;

import java.util.List;

/**
 * The outcome of {@link UncertaintyBudget#evaluate()}: u_c(y), ν_eff, k and U = k·u_c, with the
 * budget lines. Unrounded; {@link #report(double)} gives the rounded figures for a certificate.
 *
 * @param combinedStandardUncertainty u_c(y) (JCGM 100:2008 5.1.2 / 5.2.2)
 * @param effectiveDegreesOfFreedom ν_eff by Welch–Satterthwaite (G.4.1), +∞ when every ν_i is
 * @param degreesOfFreedomUsed the ν the coverage factor was looked up with: ν_eff truncated
 * @param coverageProbability p as asked for (e.g. 0.9545)
 * @param coverageFactor k = t_p(ν) (G.3.4, Table G.2)
 * @param expandedUncertainty U = k·u_c(y) (6.2.1)
 * @param lines one per component, in the budget's order
 * @param correlated whether any non-zero correlation entered u_c
 */
public record EvaluatedUncertainty(double combinedStandardUncertainty, double effectiveDegreesOfFreedom,
        double degreesOfFreedomUsed, double coverageProbability, double coverageFactor, double expandedUncertainty,
        List<BudgetLine> lines, boolean correlated) {

    public EvaluatedUncertainty {
        lines = List.copyOf(lines);
    }

    /** The result y with U and k rounded for reporting (JCGM 100:2008 7.2.6; see {@link ReportedResult}). */
    public ReportedResult report(double value) {
        return ReportedResult.of(value, expandedUncertainty, coverageFactor, coverageProbability);
    }
}
