package org.metrolims.proficiency.statistics;

/** Stability check of proficiency test items, ISO 13528:2022 B.5.1. */
public final class StabilityCheck {

    /** |y1 - y2| is compared with this fraction of sigma_pt, ISO 13528:2022 B.5.1. */
    public static final double CRITERION_RATIO = 0.3;

    private StabilityCheck() {
    }

    /**
     * Compares the general average of the first measurements (usually all results of the homogeneity check) with
     * that of the later ones: stable when |y1 - y2| &lt;= 0.3 sigma_pt. ISO 13528:2022 B.5.1 Formula (B.17).
     *
     * @throws InvalidResultException when either set is empty, a result is not finite or sigma_pt is not positive
     */
    public static StabilityVerdict check(double[] firstResults, double[] laterResults, double sigmaPt) {
        double y1 = mean(firstResults, "first results");
        double y2 = mean(laterResults, "later results");
        Inputs.requirePositive(sigmaPt, "sigma_pt");
        double difference = Math.abs(y1 - y2);
        double criterion = CRITERION_RATIO * sigmaPt;
        return new StabilityVerdict(y1, y2, difference, criterion, difference <= criterion);
    }

    private static double mean(double[] values, String what) {
        Inputs.requireFinite(values, what);
        if (values.length == 0) {
            throw new InvalidResultException(what + " are empty: the stability check needs at least one of each");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
