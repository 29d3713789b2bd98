package org.metrolims.app.uncertainty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluated budget. Unrounded numbers for further calculation, plus {@code reported}: U to two
 * significant digits, k to two decimals, and the value (when one was sent) to U's last digit
 * (JCGM 100:2008 7.2.6, rounding rule in {@link org.metrolims.calibration.uncertainty.ReportedResult}).
 * Degrees of freedom are null when infinite.
 */
record EvaluationResponse(double combinedStandardUncertainty, Double effectiveDegreesOfFreedom,
        Double degreesOfFreedomUsed, double coverageProbability, double coverageFactor, double expandedUncertainty,
        boolean correlated, List<Line> budget, Reported reported) {

    record Line(String name, String type, String distribution, double standardUncertainty, double sensitivity,
            double contribution, double varianceShare, Double dof) {
    }

    record Reported(BigDecimal value, BigDecimal expandedUncertainty, BigDecimal coverageFactor,
            BigDecimal coverageProbability) {
    }
}
