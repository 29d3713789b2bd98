package org.metrolims.proficiency.statistics;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Homogeneity check of proficiency test items measured in duplicate, ISO 13528:2022 Annex B (B.2.2, B.2.3, B.3).
 */
public final class HomogeneityCheck {

    /** s_s is compared with this fraction of sigma_pt, ISO 13528:2022 B.2.2. */
    public static final double CRITERION_RATIO = 0.3;

    /** Fewest items the check accepts (s_x needs two item averages). */
    public static final int MIN_ITEMS = 2;

    /** Table B.1 of ISO 13528:2022: F1 and F2 for g = 7 to 20 items (index g - 7). */
    private static final double[] TABLE_B1_F1 =
            {2.10, 2.01, 1.94, 1.88, 1.83, 1.79, 1.75, 1.72, 1.69, 1.67, 1.64, 1.62, 1.60, 1.59};
    private static final double[] TABLE_B1_F2 =
            {1.43, 1.25, 1.11, 1.01, 0.93, 0.86, 0.80, 0.75, 0.71, 0.68, 0.64, 0.62, 0.59, 0.57};
    private static final int TABLE_B1_FIRST_G = 7;

    private HomogeneityCheck() {
    }

    /**
     * Checks g items, each measured twice: {@code duplicates[t] = {x_t1, x_t2}}.
     *
     * <p>x-bar_t = (x_t1 + x_t2) / 2; s_x = sd of the x-bar_t (g - 1); w_t = |x_t1 - x_t2|;
     * s_w = sqrt(sum w_t^2 / (2g)); s_s = sqrt(max(0, s_x^2 - s_w^2 / 2)). ISO 13528:2022 B.3. Criterion
     * s_s &lt;= 0.3 sigma_pt, B.2.2; expanded criterion s_s &lt;= sqrt(F1 (0.3 sigma_pt)^2 + F2 s_w^2), B.2.3.
     *
     * @throws InvalidResultException when there are fewer than two items, an item has not exactly two results, a
     *                                result is not finite or sigma_pt is not positive
     */
    public static HomogeneityVerdict check(double[][] duplicates, double sigmaPt) {
        if (duplicates == null) {
            throw new InvalidResultException("homogeneity results are missing (null)");
        }
        int g = duplicates.length;
        if (g < MIN_ITEMS) {
            throw new InsufficientResultsException("the homogeneity check (ISO 13528:2022 B.3)", MIN_ITEMS, g,
                    "s_x is the standard deviation of the item averages");
        }
        Inputs.requirePositive(sigmaPt, "sigma_pt");
        double[] averages = new double[g];
        double sumSquaredDifferences = 0;
        double sumAverages = 0;
        for (int t = 0; t < g; t++) {
            double[] item = duplicates[t];
            if (item == null || item.length != 2) {
                throw new InvalidResultException("item at index " + t + " has " + (item == null ? 0 : item.length)
                        + " results: the check needs each item measured exactly twice", null, t);
            }
            for (double v : item) {
                if (!Double.isFinite(v)) {
                    throw new InvalidResultException("result of item at index " + t + " is " + v
                            + ": must be finite", null, t);
                }
            }
            averages[t] = (item[0] + item[1]) / 2;
            sumAverages += averages[t];
            double w = item[0] - item[1];
            sumSquaredDifferences += w * w;
        }
        double mean = sumAverages / g;
        double squares = 0;
        for (double a : averages) {
            double d = a - mean;
            squares += d * d;
        }
        double sx2 = squares / (g - 1);
        double sw2 = sumSquaredDifferences / (2.0 * g);
        double ss = Math.sqrt(Math.max(0, sx2 - sw2 / 2));
        double criterion = CRITERION_RATIO * sigmaPt;
        double f1 = f1(g);
        double f2 = f2(g);
        double expanded = Math.sqrt(f1 * criterion * criterion + f2 * sw2);
        return new HomogeneityVerdict(g, mean, Math.sqrt(sx2), Math.sqrt(sw2), ss, criterion, ss <= criterion, f1, f2,
                expanded, ss <= expanded);
    }

    /**
     * F1 for g items: Table B.1 of ISO 13528:2022 for 7 &lt;= g &lt;= 20, otherwise the quantity the table tabulates,
     * chi^2_0.95(g - 1) / (g - 1).
     */
    static double f1(int g) {
        if (g >= TABLE_B1_FIRST_G && g < TABLE_B1_FIRST_G + TABLE_B1_F1.length) {
            return TABLE_B1_F1[g - TABLE_B1_FIRST_G];
        }
        return f1Computed(g);
    }

    /**
     * F2 for g items: Table B.1 of ISO 13528:2022 for 7 &lt;= g &lt;= 20, otherwise the quantity the table tabulates,
     * (F_0.95(g - 1, g) - 1) / 2.
     */
    static double f2(int g) {
        if (g >= TABLE_B1_FIRST_G && g < TABLE_B1_FIRST_G + TABLE_B1_F2.length) {
            return TABLE_B1_F2[g - TABLE_B1_FIRST_G];
        }
        return f2Computed(g);
    }

    static double f1Computed(int g) {
        return ChiSquaredDistribution.of(g - 1).inverseCumulativeProbability(0.95) / (g - 1);
    }

    static double f2Computed(int g) {
        return (FDistribution.of(g - 1, g).inverseCumulativeProbability(0.95) - 1) / 2;
    }
}
