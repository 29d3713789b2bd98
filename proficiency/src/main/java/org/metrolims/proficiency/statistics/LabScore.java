package org.metrolims.proficiency.statistics;

/**
 * One lab's scores. zeta and E_n are {@code null} (JSON null) when the lab reported no u(x) or U(x), or when the
 * denominator is zero (neither the lab nor the assigned value has an uncertainty).
 *
 * @param labCode         the lab's code
 * @param result          the lab's result x
 * @param z               z = (x - x_pt) / sigma_pt, ISO 13528:2022 9.4.1
 * @param zPrime          z' = (x - x_pt) / sqrt(sigma_pt^2 + u(x_pt)^2), ISO 13528:2022 9.5.1
 * @param zeta            zeta = (x - x_pt) / sqrt(u(x)^2 + u(x_pt)^2), ISO 13528:2022 9.6.1, or null
 * @param en              E_n = (x - x_pt) / sqrt(U(x)^2 + U(x_pt)^2), ISO 13528:2022 9.7.1, or null
 * @param classifiedBy    the score {@code performance} is based on: z, or z' when u(x_pt) is not negligible
 * @param performance     classification of z or z'
 * @param zetaPerformance classification of zeta, or null
 * @param enPerformance   classification of E_n, or null
 */
public record LabScore(String labCode, double result, double z, double zPrime, Double zeta, Double en,
                       ScoreType classifiedBy, Performance performance, Performance zetaPerformance,
                       Performance enPerformance) {

    public LabScore {
        if (labCode == null || classifiedBy == null || performance == null) {
            throw new IllegalArgumentException("lab code, score type and performance are required");
        }
        if ((zeta == null) != (zetaPerformance == null) || (en == null) != (enPerformance == null)) {
            throw new IllegalArgumentException("a score and its classification are present together or not at all");
        }
    }

    /** The score the classification is based on: z, or z' where it replaces z. */
    public double classifiedScore() {
        return classifiedBy == ScoreType.Z ? z : zPrime;
    }
}
