package org.metrolims.proficiency.statistics;

import java.util.Arrays;

/**
 * Order statistics in expected O(n) time by quickselect (Hoare partition, median-of-three pivot), with a fall-back
 * to a sort of the remaining range when partitioning degenerates, so the worst case stays O(n log n); for large
 * inputs the median is first bracketed from a sample (Floyd and Rivest, CACM 18 (1975) 165). Works on scratch
 * arrays that it reorders; the values must be finite.
 */
final class Selection {

    private static final int INSERTION_SORT_LIMIT = 16;

    private Selection() {
    }

    /** The k-th smallest value (0-based) of {@code a}; reorders {@code a} so that a[k] holds it. */
    static double select(double[] a, int k) {
        return select(a, 0, a.length, k);
    }

    /** The k-th smallest value (0-based, counted from {@code from}) of a[from, to); reorders that range. */
    static double select(double[] a, int from, int to, int k) {
        k += from;
        int lo = from;
        int hi = to - 1;
        int budget = 4 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
        while (hi > lo) {
            if (hi - lo < INSERTION_SORT_LIMIT || --budget < 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three moved to lo
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            swap(a, lo, mid);
            double pivot = a[lo];
            int i = lo;
            int j = hi + 1;
            while (true) {
                while (a[++i] < pivot) {
                    if (i == hi) break;
                }
                while (pivot < a[--j]) {
                    if (j == lo) break;
                }
                if (i >= j) break;
                swap(a, i, j);
            }
            swap(a, lo, j);
            if (j > k) {
                hi = j - 1;
            } else if (j < k) {
                lo = j + 1;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Below this size a plain quickselect on a copy is as fast as sampling first. */
    private static final int SAMPLING_THRESHOLD = 8192;

    /**
     * Median of {@code source}, or of |source[i] - centre| when {@code deviations} is set, without changing
     * {@code source}. Floyd-Rivest style: the ranks sought are
     * bracketed by two values taken from a sorted sample of about n^(2/3) values, one pass keeps only the values
     * between them (a few per cent), and the quickselect runs on those. If the bracket misses (rare, and only a
     * matter of speed) it falls back to a quickselect of all values.
     */
    static double median(double[] source, boolean deviations, double centre) {
        int n = source.length;
        int k2 = n / 2;
        int k1 = (n & 1) == 1 ? k2 : k2 - 1;
        if (n >= SAMPLING_THRESHOLD) {
            int sampleSize = (int) Math.cbrt((double) n * n);
            double[] sample = new double[sampleSize];
            int stride = n / sampleSize;
            for (int j = 0; j < sampleSize; j++) {
                double v = source[j * stride + stride / 2];
                sample[j] = deviations ? Math.abs(v - centre) : v;
            }
            java.util.Arrays.sort(sample);
            double margin = 2.5 * Math.sqrt(sampleSize) + 2;
            int lowIndex = (int) Math.floor((double) k1 * sampleSize / n - margin);
            int highIndex = (int) Math.ceil((double) k2 * sampleSize / n + margin);
            double low = lowIndex <= 0 ? Double.NEGATIVE_INFINITY : sample[lowIndex];
            double high = highIndex >= sampleSize - 1 ? Double.POSITIVE_INFINITY : sample[highIndex];
            // room for twice the expected number of values between the brackets
            long expected = (long) (highIndex - lowIndex + 2) * n / sampleSize;
            double[] window = new double[(int) Math.min(n, 2 * expected + 64)];
            int last = window.length - 1;
            int below = 0;
            int kept = 0;
            boolean overflow = false;
            // branch-free: the comparisons are coin flips for a branch predictor
            for (double x : source) {
                double v = deviations ? Math.abs(x - centre) : x;
                below += v < low ? 1 : 0;
                window[kept] = v;
                kept += (v >= low) & (v <= high) ? 1 : 0;
                if (kept > last) {
                    overflow = true;
                    break;
                }
            }
            if (!overflow && below <= k1 && k2 < below + kept) {
                return middle(window, kept, k1 - below, k2 - below);
            }
        }
        double[] scratch = new double[n];
        for (int i = 0; i < n; i++) {
            scratch[i] = deviations ? Math.abs(source[i] - centre) : source[i];
        }
        return middle(scratch, n, k1, k2);
    }

    /** Mean of the k1-th and k2-th smallest (k2 = k1 or k1 + 1) of a[0, length); reorders that range. */
    private static double middle(double[] a, int length, int k1, int k2) {
        double hi = select(a, 0, length, k2);
        if (k1 == k2) {
            return hi;
        }
        double lo = a[0];
        for (int i = 1; i < k2; i++) {
            if (a[i] > lo) lo = a[i];
        }
        double mid = (lo + hi) / 2;
        return Double.isFinite(mid) ? mid : lo / 2 + hi / 2;
    }

    /**
     * Quantile with linear interpolation between order statistics at h = (n - 1) p (Hyndman and Fan type 7, the
     * default of R, NumPy and Excel's QUARTILE.INC); reorders {@code a}.
     */
    static double quantileType7(double[] a, double p) {
        int n = a.length;
        double h = (n - 1) * p;
        int j = (int) Math.floor(h);
        double frac = h - j;
        double lower = select(a, j);
        if (frac == 0 || j + 1 >= n) {
            return lower;
        }
        // after select, a[j+1..n-1] hold the values not below a[j]: the next order statistic is their minimum
        double upper = a[j + 1];
        for (int i = j + 2; i < n; i++) {
            if (a[i] < upper) upper = a[i];
        }
        return lower + frac * (upper - lower);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
