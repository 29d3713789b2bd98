package org.metrolims.calibration.uncertainty;

/**
 * The estimated correlation coefficient r(x_a, x_b) between two inputs of a budget, named by their
 * component names (JCGM 100:2008 5.2.2, Eq. 14: r(x_i, x_j) = u(x_i, x_j) / (u(x_i) u(x_j)), with
 * −1 ≤ r ≤ +1).
 */
public record Correlation(String a, String b, double r) {

    public Correlation {
        if (a == null || a.isBlank()) {
            throw new UncertaintyInputException("a", "a correlation names two components; 'a' is missing");
        }
        if (b == null || b.isBlank()) {
            throw new UncertaintyInputException("b", "a correlation names two components; 'b' is missing");
        }
        if (!(r >= -1.0 && r <= 1.0)) {
            throw new UncertaintyInputException("r",
                    "a correlation coefficient must lie in [-1, 1] (JCGM 100:2008 5.2.2), got " + r + " for (" + a + ", " + b + ")");
        }
    }

    /**
     * The correlation of the means of two quantities observed simultaneously, n times each
     * (JCGM 100:2008 5.2.3, Eq. 17): r(q̄, r̄) = s(q̄, r̄) / (s(q̄) s(r̄)), with s(q̄, r̄) from Eq. 17.
     * The 1/n of the means cancels, so r of the means equals r of the single observations.
     */
    public static Correlation fromReadings(String a, double[] readingsOfA, String b, double[] readingsOfB) {
        if (readingsOfA == null || readingsOfB == null || readingsOfA.length != readingsOfB.length) {
            throw new UncertaintyInputException("values", "a correlation from readings needs the same number of"
                    + " simultaneous readings of '" + a + "' and '" + b + "'");
        }
        TypeAEvaluation x = TypeAEvaluation.of(readingsOfA);
        TypeAEvaluation y = TypeAEvaluation.of(readingsOfB);
        double covariance = 0;
        for (int k = 0; k < readingsOfA.length; k++) {
            covariance += (readingsOfA[k] - x.mean()) * (readingsOfB[k] - y.mean());
        }
        covariance /= readingsOfA.length - 1;
        double denominator = x.standardDeviation() * y.standardDeviation();
        if (denominator == 0) {
            throw new UncertaintyInputException("values", "readings of '" + (x.standardDeviation() == 0 ? a : b)
                    + "' do not vary, so no correlation can be estimated");
        }
        // rounding can push |r| a hair past 1 for perfectly collinear readings
        return new Correlation(a, b, Math.max(-1.0, Math.min(1.0, covariance / denominator)));
    }
}
