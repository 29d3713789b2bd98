package org.metrolims.proficiency.statistics;

/**
 * A kernel density estimate of a round's results, the smooth companion of the histogram that ISO 13528:2022 10.3
 * recommends for looking at the distribution of participants' results (a bimodal or skewed shape, outliers):
 *
 * <pre>
 *   f(x) = 1 / (p h) · Σ φ((x − x_i) / h)
 * </pre>
 *
 * with φ the standard normal density, p the number of results and h the bandwidth. The bandwidth follows the rule
 * the clause cites (Silverman's), with a robust spread in place of the standard deviation so that one outlier does
 * not flatten the plot: {@code h = 0.9 · s* · p^(−1/5)}, s* the scaled median absolute deviation MADe (ISO 13528:2022
 * C.2.2); when MADe is zero (more than half the results equal) the normalised interquartile range, then the ordinary
 * standard deviation. Pure maths: no Spring, no database.
 */
public final class KernelDensity {

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private KernelDensity() {
    }

    /**
     * The bandwidth h = 0.9 · s* · p^(−1/5) for these results; a positive number whenever the results are not all
     * equal, and {@code 0} when they are (no spread to smooth).
     *
     * @throws IllegalArgumentException for no results or a non-finite one
     */
    public static double bandwidth(double[] values) {
        check(values);
        double s = RobustStatistics.scaledMedianAbsoluteDeviation(values.clone());
        if (!(s > 0)) {
            s = RobustStatistics.normalizedInterquartileRange(values.clone());
        }
        if (!(s > 0)) {
            s = standardDeviation(values);
        }
        return 0.9 * s * Math.pow(values.length, -0.2);
    }

    /**
     * The estimated density at {@code x} with bandwidth {@code h}.
     *
     * @throws IllegalArgumentException for no results, a non-finite one or a bandwidth that is not positive
     */
    public static double density(double[] values, double h, double x) {
        check(values);
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("the bandwidth must be positive: " + h);
        }
        double sum = 0;
        for (double v : values) {
            double u = (x - v) / h;
            sum += INV_SQRT_2PI * Math.exp(-0.5 * u * u);
        }
        return sum / (values.length * h);
    }

    /** The density at {@code n} evenly spaced points from {@code lo} to {@code hi} inclusive (n ≥ 2). */
    public static double[] curve(double[] values, double h, double lo, double hi, int n) {
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("a curve needs n >= 2 points over lo < hi");
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = density(values, h, lo + (hi - lo) * i / (n - 1));
        }
        return y;
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    private static void check(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a density needs at least one result");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a result is not a finite number: " + v);
            }
        }
    }
}
