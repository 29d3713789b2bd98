package org.metrolims.proficiency.statistics;

import java.util.List;

/**
 * The scores of one measurand in one round.
 *
 * @param assignedValue                     x_pt and u(x_pt)
 * @param sigmaPt                           sigma_pt
 * @param assignedValueUncertaintyNegligible u(x_pt) &lt; 0.3 sigma_pt (ISO 13528:2022 9.2.1); when false the labs are
 *                                          classified by z' instead of z
 * @param classifiedBy                      Z or Z_PRIME, the same for every lab of the round
 * @param scores                            one per lab, in input order
 */
public record RoundScores(AssignedValue assignedValue, SigmaPt sigmaPt, boolean assignedValueUncertaintyNegligible,
                          ScoreType classifiedBy, List<LabScore> scores) {

    public RoundScores {
        if (assignedValue == null || sigmaPt == null || classifiedBy == null) {
            throw new IllegalArgumentException("assigned value, sigma_pt and score type are required");
        }
        scores = List.copyOf(scores);
    }
}
