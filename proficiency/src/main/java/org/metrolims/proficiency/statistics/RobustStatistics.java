package org.metrolims.proficiency.statistics;

/**
 * The simple outlier-resistant estimators of ISO 13528:2022 C.2: median, MADe and nIQR. Each runs in expected O(n)
 * by selection on a copy; the caller's array is never changed.
 */
public final class RobustStatistics {

    /** Factor that makes MADe estimate a normal standard deviation, ISO 13528:2022 C.2.2. */
    public static final double MADE_FACTOR = 1.483;

    /** Factor that makes nIQR estimate a normal standard deviation, ISO 13528:2022 C.2.3. */
    public static final double NIQR_FACTOR = 0.7413;

    private RobustStatistics() {
    }

    /**
     * Median of the results. ISO 13528:2022 C.2.1.
     *
     * @throws InvalidResultException when the array is empty or holds a non-finite value
     */
    public static double median(double[] values) {
        requireUsable(values);
        return Selection.median(values, false, 0);
    }

    /**
     * Scaled median absolute deviation, MADe = 1.483 median|x_i - median(x)|. ISO 13528:2022 C.2.2.
     *
     * @throws InvalidResultException when the array is empty or holds a non-finite value
     */
    public static double scaledMedianAbsoluteDeviation(double[] values) {
        requireUsable(values);
        return MADE_FACTOR * Selection.median(values, true, Selection.median(values, false, 0));
    }

    /**
     * Normalised interquartile range, nIQR = 0.7413 (Q3 - Q1). ISO 13528:2022 C.2.3.
     *
     * <p>The standard takes Q1 and Q3 as the 25th and 75th percentiles without fixing a sample-quantile rule (it
     * notes that software packages differ). MetroLIMS uses linear interpolation between order statistics at
     * h = (p - 1) q (Hyndman and Fan type 7): it reproduces the nIQR that ISO 13528:2022 prints for the example of
     * E.3 (Table E.5, 0.0402), where the (p + 1) q rule gives 0.0423.
     *
     * @throws InvalidResultException when the array is empty or holds a non-finite value
     */
    public static double normalizedInterquartileRange(double[] values) {
        requireUsable(values);
        double[] work = values.clone();
        double q3 = Selection.quantileType7(work, 0.75);
        double q1 = Selection.quantileType7(work, 0.25);
        return NIQR_FACTOR * (q3 - q1);
    }

    private static void requireUsable(double[] values) {
        Inputs.requireFinite(values, "result");
        if (values.length == 0) {
            throw new InvalidResultException("no results: a robust estimate needs at least one result");
        }
    }
}
