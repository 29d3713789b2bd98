package org.metrolims.proficiency.statistics;

/**
 * Robust mean x* and robust standard deviation s* from {@link AlgorithmA}, ISO 13528:2022 C.3.1.
 *
 * @param robustMean              x*
 * @param robustStandardDeviation s*; zero only when the data leave no spread (see {@link #degenerate()})
 * @param participants            p, the number of results
 * @param iterations              updates of x* and s* made until the fixed point (0 when all results are equal)
 * @param initialScale            where the starting s* came from
 */
public record AlgorithmAResult(double robustMean, double robustStandardDeviation, int participants, int iterations,
                               InitialScale initialScale) {

    /** Source of the starting value of s*. */
    public enum InitialScale {
        /** s* = MADe = 1.483 median|x_i - x*|, ISO 13528:2022 C.3.1 Formula (C.6). */
        MADE,
        /**
         * MADe was zero (more than half of the results equal), so the iteration started from the sample standard
         * deviation, as ISO 13528:2022 C.3.1 NOTE 2 allows.
         */
        SAMPLE_STANDARD_DEVIATION
    }

    public AlgorithmAResult {
        if (!Double.isFinite(robustMean) || !Double.isFinite(robustStandardDeviation)
                || robustStandardDeviation < 0) {
            throw new IllegalArgumentException("x* must be finite and s* finite and not negative, got x* = "
                    + robustMean + ", s* = " + robustStandardDeviation);
        }
        if (participants < 1 || iterations < 0 || initialScale == null) {
            throw new IllegalArgumentException("participants must be positive, iterations not negative and the "
                    + "initial scale given");
        }
    }

    /**
     * True when s* is zero: every result is equal, or so large a share of them (about two thirds or more) is equal
     * that the iteration collapses onto that value. x* is then that value; s* cannot serve as sigma_pt or in u(x_pt).
     */
    public boolean degenerate() {
        return robustStandardDeviation == 0;
    }
}
