package org.metrolims.proficiency.item;

import org.metrolims.proficiency.statistics.HomogeneityVerdict;
import org.metrolims.proficiency.statistics.StabilityVerdict;

/**
 * The homogeneity and stability verdicts of a round's items, shown before scoring.
 *
 * @param sigmaPt      the sigma_pt the criteria use, null when it cannot be known yet (sigma_pt from the robust SD
 *                     with fewer than three results)
 * @param sigmaPtBasis where that sigma_pt comes from: SCORED, FIXED, HORWITZ, PROVISIONAL_ROBUST_SD or UNKNOWN
 * @param homogeneity  null without homogeneity data or sigma_pt
 * @param stability    null without stability data or sigma_pt
 */
public record ItemVerdicts(Double sigmaPt, String sigmaPtBasis, HomogeneityVerdict homogeneity,
        StabilityVerdict stability) {
}
