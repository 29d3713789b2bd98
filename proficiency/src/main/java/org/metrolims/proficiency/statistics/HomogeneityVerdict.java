package org.metrolims.proficiency.statistics;

/**
 * Outcome of a homogeneity check on g items measured in duplicate, ISO 13528:2022 B.2 and B.3.
 *
 * @param items              g
 * @param generalMean        mean of all 2g results
 * @param sx                 s_x, standard deviation of the item averages (B.3)
 * @param sw                 s_w, within-item standard deviation from the duplicate differences (B.3)
 * @param ss                 s_s = sqrt(max(0, s_x^2 - s_w^2 / 2)), between-item standard deviation (B.3)
 * @param criterion          0.3 sigma_pt (B.2.2)
 * @param sufficient         s_s &lt;= 0.3 sigma_pt (B.2.2)
 * @param f1                 F1 of Table B.1 for g (B.2.3)
 * @param f2                 F2 of Table B.1 for g (B.2.3)
 * @param expandedCriterion  sqrt(F1 (0.3 sigma_pt)^2 + F2 s_w^2) (B.2.3)
 * @param sufficientExpanded s_s &lt;= the expanded criterion (B.2.3)
 */
public record HomogeneityVerdict(int items, double generalMean, double sx, double sw, double ss, double criterion,
                                 boolean sufficient, double f1, double f2, double expandedCriterion,
                                 boolean sufficientExpanded) {
}
