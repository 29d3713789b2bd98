package org.metrolims.proficiency.statistics;

/**
 * Outcome of a stability check, ISO 13528:2022 B.5.1: |y1 - y2| &lt;= 0.3 sigma_pt.
 *
 * @param firstMean  y1, the general average of the first measurements (e.g. the homogeneity check)
 * @param secondMean y2, the general average of the later (stability) measurements
 * @param difference |y1 - y2|
 * @param criterion  0.3 sigma_pt
 * @param stable     difference &lt;= criterion
 */
public record StabilityVerdict(double firstMean, double secondMean, double difference, double criterion,
                               boolean stable) {
}
