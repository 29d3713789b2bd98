package org.metrolims.calibration.uncertainty;

/**
 * A Type A evaluation from n independent repeated observations q_k (JCGM 100:2008 4.2): the
 * arithmetic mean q̄ (4.2.1, Eq. 3), the experimental standard deviation s(q_k) (4.2.2, Eq. 4), the
 * experimental standard deviation of the mean u = s(q̄) = s(q_k)/√n (4.2.3, Eq. 5) and its degrees
 * of freedom ν = n − 1 (G.3.3).
 *
 * @param mean the arithmetic mean q̄
 * @param standardDeviation s(q_k), the experimental standard deviation of one observation
 * @param count n
 * @param standardUncertainty s(q̄) = s(q_k)/√n
 * @param degreesOfFreedom n − 1
 */
public record TypeAEvaluation(double mean, double standardDeviation, int count, double standardUncertainty,
        double degreesOfFreedom) {

    /** Most readings one Type A evaluation takes (as many as a calibration point holds). */
    public static final int MAX_VALUES = 1_000;

    /**
     * Evaluates repeated readings. Rejects fewer than two readings (no standard deviation can be
     * estimated from one) and non-finite readings, naming the input {@code values}.
     */
    public static TypeAEvaluation of(double[] readings) {
        if (readings == null || readings.length < 2) {
            throw new UncertaintyInputException("values", "a Type A evaluation needs at least 2 readings, got "
                    + (readings == null ? 0 : readings.length));
        }
        if (readings.length > MAX_VALUES) {
            throw new UncertaintyInputException("values", "a Type A evaluation takes at most " + MAX_VALUES
                    + " readings, got " + readings.length);
        }
        int n = readings.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(readings[i])) {
                throw new UncertaintyInputException("values", "reading " + (i + 1) + " is not a finite number");
            }
            sum += readings[i];
        }
        double mean = sum / n;
        // two-pass with the compensated correction term (Chan, Golub & LeVeque) so that large
        // offsets with small scatter (a 10 kg weight read to 0.1 mg) lose no digits
        double squares = 0;
        double deviations = 0;
        for (double q : readings) {
            double d = q - mean;
            squares += d * d;
            deviations += d;
        }
        double variance = (squares - deviations * deviations / n) / (n - 1);
        double s = Math.sqrt(Math.max(0.0, variance));
        return new TypeAEvaluation(mean, s, n, s / Math.sqrt(n), n - 1);
    }

    /**
     * A Type A evaluation that takes s from a pooled estimate made earlier with ν_p degrees of
     * freedom (JCGM 100:2008 4.2.4): u = s_p/√n, ν = ν_p. The mean is not known here (NaN).
     */
    public static TypeAEvaluation pooled(double pooledStandardDeviation, int count, double pooledDegreesOfFreedom) {
        if (!(pooledStandardDeviation >= 0) || Double.isInfinite(pooledStandardDeviation)) {
            throw new UncertaintyInputException("standardDeviation", "a pooled standard deviation must be a finite number >= 0");
        }
        if (count < 1) {
            throw new UncertaintyInputException("count", "the number of observations averaged must be at least 1");
        }
        if (!(pooledDegreesOfFreedom >= 1)) {
            throw new UncertaintyInputException("dof", "the pooled estimate needs at least 1 degree of freedom");
        }
        return new TypeAEvaluation(Double.NaN, pooledStandardDeviation, count,
                pooledStandardDeviation / Math.sqrt(count), pooledDegreesOfFreedom);
    }
}
