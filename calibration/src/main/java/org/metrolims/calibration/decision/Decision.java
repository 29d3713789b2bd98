package org.metrolims.calibration.decision;

/**
 * A conformity decision for one measured value, with what is needed to store and print it.
 *
 * @param verdict the statement of conformity
 * @param rule the rule's code
 * @param multiplier r in w = r·U (1 for w = U, 0 for simple acceptance)
 * @param guardBand w
 * @param acceptanceLower A_L = T_L + w (−∞ for no lower limit)
 * @param acceptanceUpper A_U = T_U − w (+∞ for no upper limit)
 * @param conformanceProbability p_c under a normal model (JCGM 106:2012 clause 7), NaN when the
 *     standard uncertainty was not known
 */
public record Decision(Verdict verdict, DecisionRuleCode rule, double multiplier, double guardBand,
        double acceptanceLower, double acceptanceUpper, double conformanceProbability) {
}
