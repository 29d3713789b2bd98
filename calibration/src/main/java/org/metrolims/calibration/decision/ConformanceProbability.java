package org.metrolims.calibration.decision;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The probability that an item conforms, given its measured value y with standard uncertainty u,
 * under a normal model of the measurand, JCGM 106:2012 clause 7 (normal PDFs):
 * <ul>
 *   <li>two-sided tolerance: p_c = Φ((T_U − y)/u) − Φ((T_L − y)/u);
 *   <li>single upper limit: p_c = Φ((T_U − y)/u); single lower limit: p_c = 1 − Φ((T_L − y)/u).
 * </ul>
 * For an accepted item, 1 − p_c is the specific probability of false acceptance (specific
 * consumer's risk, JCGM 106:2012 9.3.2); for a rejected item p_c is the specific probability of
 * false rejection. With u = 0 the measured value is taken as exact: p_c is 1 or 0.
 */
final class ConformanceProbability {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private ConformanceProbability() {
    }

    /** p_c for y with standard uncertainty u against the tolerance. */
    public static double of(double measured, double standardUncertainty, ToleranceInterval tolerance) {
        check(measured, standardUncertainty);
        if (standardUncertainty == 0) {
            return tolerance.contains(measured) ? 1.0 : 0.0;
        }
        // survival functions on the far side keep the tails accurate (1 − p_c of 1e-12 is not lost)
        double aboveUpper = tolerance.hasUpper()
                ? STANDARD.survivalProbability((tolerance.upper() - measured) / standardUncertainty) : 0.0;
        double belowLower = tolerance.hasLower()
                ? STANDARD.cumulativeProbability((tolerance.lower() - measured) / standardUncertainty) : 0.0;
        return Math.max(0.0, 1.0 - aboveUpper - belowLower);
    }

    /** 1 − p_c: for an item that is accepted, the specific probability of false acceptance. */
    public static double ofNonConformity(double measured, double standardUncertainty, ToleranceInterval tolerance) {
        check(measured, standardUncertainty);
        if (standardUncertainty == 0) {
            return tolerance.contains(measured) ? 0.0 : 1.0;
        }
        double aboveUpper = tolerance.hasUpper()
                ? STANDARD.survivalProbability((tolerance.upper() - measured) / standardUncertainty) : 0.0;
        double belowLower = tolerance.hasLower()
                ? STANDARD.cumulativeProbability((tolerance.lower() - measured) / standardUncertainty) : 0.0;
        return Math.min(1.0, aboveUpper + belowLower);
    }

    private static void check(double measured, double standardUncertainty) {
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("the measured value must be a finite number");
        }
        if (!(standardUncertainty >= 0) || Double.isInfinite(standardUncertainty)) {
            throw new IllegalArgumentException("the standard uncertainty must be a finite number >= 0");
        }
    }
}
