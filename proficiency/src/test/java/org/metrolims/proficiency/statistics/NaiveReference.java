package org.metrolims.proficiency.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Deliberately straightforward second computations, written independently of the production code: full sorts for
 * order statistics, and Algorithm A as the loop ISO 13528:2022 C.3.1 describes, in BigDecimal with 50 digits or in
 * plain double passes over all values.
 */
final class NaiveReference {

    private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);

    private NaiveReference() {
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double made(double[] values) {
        double m = median(values);
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(values[i] - m);
        }
        return 1.483 * median(d);
    }

    /** Hyndman-Fan type 7 quantile from a full sort. */
    static double quantileType7(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int j = (int) Math.floor(h);
        return j + 1 < s.length ? s[j] + (h - j) * (s[j + 1] - s[j]) : s[j];
    }

    /** Algorithm A in BigDecimal, iterated until x* and s* change by less than 1e-30 s*. Returns {x*, s*}. */
    static double[] algorithmA(double[] values, double startScale) {
        int n = values.length;
        BigDecimal[] x = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            x[i] = new BigDecimal(values[i]);
        }
        BigDecimal mean = new BigDecimal(median(values));
        BigDecimal s = new BigDecimal(startScale);
        BigDecimal k = new BigDecimal("1.5");
        BigDecimal f = new BigDecimal("1.134");
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal dof = BigDecimal.valueOf(n - 1L);
        for (int it = 0; it < 5000; it++) {
            BigDecimal delta = k.multiply(s, MC);
            BigDecimal lo = mean.subtract(delta, MC);
            BigDecimal hi = mean.add(delta, MC);
            BigDecimal[] w = new BigDecimal[n];
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                w[i] = x[i].compareTo(lo) < 0 ? lo : x[i].compareTo(hi) > 0 ? hi : x[i];
                sum = sum.add(w[i], MC);
            }
            BigDecimal newMean = sum.divide(count, MC);
            BigDecimal squares = BigDecimal.ZERO;
            for (BigDecimal v : w) {
                BigDecimal d = v.subtract(newMean, MC);
                squares = squares.add(d.multiply(d, MC), MC);
            }
            BigDecimal newS = f.multiply(squares.divide(dof, MC).sqrt(MC), MC);
            BigDecimal change = newMean.subtract(mean).abs().max(newS.subtract(s).abs());
            mean = newMean;
            s = newS;
            if (change.compareTo(s.multiply(new BigDecimal("1e-30"))) <= 0) {
                return new double[] {mean.doubleValue(), s.doubleValue()};
            }
        }
        throw new AssertionError("reference Algorithm A did not converge");
    }

    static double[] algorithmA(double[] values) {
        return algorithmA(values, made(values));
    }

    /** Algorithm A in double, two passes over all values per iteration, until nothing changes. */
    static double[] algorithmADouble(double[] values) {
        int n = values.length;
        double mean = median(values);
        double s = made(values);
        for (int it = 0; it < 100_000; it++) {
            double lo = mean - 1.5 * s;
            double hi = mean + 1.5 * s;
            double sum = 0;
            for (double v : values) {
                sum += Math.min(Math.max(v, lo), hi);
            }
            double newMean = sum / n;
            double squares = 0;
            for (double v : values) {
                double d = Math.min(Math.max(v, lo), hi) - newMean;
                squares += d * d;
            }
            double newS = 1.134 * Math.sqrt(squares / (n - 1));
            boolean same = Math.abs(newMean - mean) <= 1e-14 * newS && Math.abs(newS - s) <= 1e-14 * newS;
            mean = newMean;
            s = newS;
            if (same) {
                return new double[] {mean, s};
            }
        }
        throw new AssertionError("reference Algorithm A did not converge");
    }
}
