package org.metrolims.calibration.uncertainty;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The coverage factor k_p = t_p(ν) for a coverage probability p and ν degrees of freedom
 * (JCGM 100:2008 G.3.4, Table G.2; G.6.4 step 3), with the two-sided t quantile
 * t_p(ν) = T_ν⁻¹((1 + p)/2) from Commons Statistics, and the normal quantile for ν = ∞.
 *
 * <p><b>The GUM's named probabilities.</b> Table G.2 labels its columns 68.27, 95.45 and 99.73
 * percent because those are the fractions of a normal distribution inside μ ± 1σ, 2σ, 3σ (note to
 * G.3.4 / Table G.2). A p given as 0.6827, 0.9545 or 0.9973 is read as that label and replaced by
 * the exact 2Φ(k) − 1 for k = 1, 2, 3, so that k = 2 exactly at ν = ∞ for the default 0.9545
 * (Table G.2 prints 2.000) and the finite-ν entries match the table. Any other p is used as given
 * (0.95 at ν = ∞ gives 1.959964…).
 *
 * <p><b>Fractional ν_eff.</b> G.4.1 allows either interpolating in Table G.2 or truncating ν_eff
 * to the next lower integer; Annex H.1.6 truncates (ν_eff = 16.7 → 16, t_99(16) = 2.92). We
 * truncate — it is the conservative choice and the one the worked examples print — see
 * {@link #degreesOfFreedomUsed(double)}.
 */
public final class CoverageFactor {

    /** The default coverage probability, "95.45 %", i.e. k = 2 for a normal distribution. */
    public static final double DEFAULT_PROBABILITY = 0.9545;

    private static final double[] NAMED = {0.6827, 0.9545, 0.9973};

    private CoverageFactor() {
    }

    /**
     * t_p(ν): the coverage factor for probability p with ν degrees of freedom (+∞ allowed). ν is
     * used as given here (no truncation); {@link #forEffectiveDegreesOfFreedom} truncates first.
     */
    public static double t(double p, double nu) {
        double exact = exactProbability(p);
        if (!(nu > 0)) {
            throw new UncertaintyInputException("dof", "degrees of freedom must be > 0, got " + nu);
        }
        if (Double.isInfinite(nu)) {
            int named = namedIndex(p);
            if (named >= 0) {
                return named + 1.0; // 1, 2, 3 exactly: the definition of the named columns
            }
            return NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + exact) / 2);
        }
        return TDistribution.of(nu).inverseCumulativeProbability((1 + exact) / 2);
    }

    /** k = t_p(ν) with ν = the truncated ν_eff (JCGM 100:2008 G.4.1, H.1.6). */
    public static double forEffectiveDegreesOfFreedom(double p, double effectiveDegreesOfFreedom) {
        return t(p, degreesOfFreedomUsed(effectiveDegreesOfFreedom));
    }

    /**
     * The ν looked up in the t-distribution for a Welch–Satterthwaite ν_eff: ν_eff truncated to the
     * next lower integer (JCGM 100:2008 G.4.1 note, as done in H.1.6), never below 1; +∞ stays +∞.
     * A ν_eff within 1e−9 of an integer counts as that integer, so that rounding noise in the
     * arithmetic cannot take 17 to 16.
     */
    public static double degreesOfFreedomUsed(double effectiveDegreesOfFreedom) {
        if (Double.isInfinite(effectiveDegreesOfFreedom)) {
            return effectiveDegreesOfFreedom;
        }
        return Math.max(1.0, Math.floor(effectiveDegreesOfFreedom + 1e-9));
    }

    /**
     * The probability used in the quantile: the exact normal coverage of ±1, 2, 3 σ for the GUM's
     * labels 0.6827, 0.9545, 0.9973; p itself otherwise. p must lie strictly between 0 and 1.
     */
    public static double exactProbability(double p) {
        if (!(p > 0 && p < 1)) {
            throw new UncertaintyInputException("coverageProbability",
                    "a coverage probability must lie strictly between 0 and 1, got " + p);
        }
        int named = namedIndex(p);
        if (named < 0) {
            return p;
        }
        NormalDistribution standard = NormalDistribution.of(0, 1);
        double k = named + 1.0;
        return standard.cumulativeProbability(k) - standard.cumulativeProbability(-k);
    }

    private static int namedIndex(double p) {
        for (int i = 0; i < NAMED.length; i++) {
            if (Math.abs(p - NAMED[i]) < 1e-12) {
                return i;
            }
        }
        return -1;
    }
}
