package org.metrolims.proficiency.scoring;

import org.metrolims.proficiency.statistics.RoundScores;

/**
 * Everything one scoring computes.
 *
 * @param robustMean x* by Algorithm A; null with fewer than three results
 * @param robustSd   s* by Algorithm A; null with fewer than three results
 * @param iterations Algorithm A updates to its fixed point; null with fewer than three results
 * @param median     median of the results (ISO 13528:2022 C.2.1)
 * @param madE       MADe (C.2.2)
 * @param nIqr       nIQR (C.2.3)
 * @param scores     x_pt, u(x_pt), sigma_pt, the z/z'/zeta/E_n scores and their classification
 */
public record Calculation(Double robustMean, Double robustSd, Integer iterations, double median, double madE,
        double nIqr, RoundScores scores) {

    public double assignedValue() {
        return scores.assignedValue().value();
    }

    public double assignedValueUncertainty() {
        return scores.assignedValue().standardUncertainty();
    }

    public double sigmaPt() {
        return scores.sigmaPt().value();
    }
}
