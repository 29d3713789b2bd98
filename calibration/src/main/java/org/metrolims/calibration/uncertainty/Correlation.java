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
}
