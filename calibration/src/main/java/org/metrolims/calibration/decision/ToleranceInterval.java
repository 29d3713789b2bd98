package org.metrolims.calibration.decision;

/**
 * The interval of permissible values [T_L, T_U] of a property (JCGM 106:2012 3.3.5, 3.3.6), two-
 * or one-sided: a missing limit is −∞ or +∞. Limits belong to the interval.
 */
public record ToleranceInterval(double lower, double upper) {

    public ToleranceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower == Double.POSITIVE_INFINITY
                || upper == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("tolerance limits must be numbers (a missing limit is open)");
        }
        if (Double.isInfinite(lower) && Double.isInfinite(upper)) {
            throw new IllegalArgumentException("a tolerance interval needs at least one limit");
        }
        if (!(lower < upper)) {
            throw new IllegalArgumentException("the lower tolerance limit " + lower + " must lie below the upper " + upper);
        }
    }

    /** T_L ≤ Y ≤ T_U. */
    public static ToleranceInterval between(double lower, double upper) {
        return new ToleranceInterval(lower, upper);
    }

    /** Y ≤ T_U (single upper limit). */
    public static ToleranceInterval atMost(double upper) {
        return new ToleranceInterval(Double.NEGATIVE_INFINITY, upper);
    }

    /** Y ≥ T_L (single lower limit). */
    public static ToleranceInterval atLeast(double lower) {
        return new ToleranceInterval(lower, Double.POSITIVE_INFINITY);
    }

    /** nominal ± maximum permissible error. */
    public static ToleranceInterval symmetric(double nominal, double maximumPermissibleError) {
        if (!(maximumPermissibleError > 0)) {
            throw new IllegalArgumentException("a maximum permissible error must be > 0");
        }
        return new ToleranceInterval(nominal - maximumPermissibleError, nominal + maximumPermissibleError);
    }

    public boolean contains(double y) {
        return y >= lower && y <= upper;
    }

    public boolean hasLower() {
        return Double.isFinite(lower);
    }

    public boolean hasUpper() {
        return Double.isFinite(upper);
    }
}
