/**
 * ISO 13528:2022 statistics for proficiency testing: robust estimators (Annex C), Algorithm A, the assigned value
 * and its uncertainty (clause 7), the standard deviation for proficiency assessment (clause 8), performance scores
 * (clause 9), homogeneity and stability checks (Annex B) and a lab's history across rounds.
 *
 * <p>Pure functions on {@code double[]} and immutable records: no Spring, no database. Entry points, one per
 * capability: {@link org.metrolims.proficiency.statistics.RobustStatistics},
 * {@link org.metrolims.proficiency.statistics.AlgorithmA},
 * {@link org.metrolims.proficiency.statistics.AssignedValue},
 * {@link org.metrolims.proficiency.statistics.SigmaPt},
 * {@link org.metrolims.proficiency.statistics.ProficiencyScoring},
 * {@link org.metrolims.proficiency.statistics.HomogeneityCheck},
 * {@link org.metrolims.proficiency.statistics.StabilityCheck} and
 * {@link org.metrolims.proficiency.statistics.LabHistory}.
 *
 * <p>Bad input (a non-finite value, a negative uncertainty, a duplicate lab code, too few results) raises an
 * {@link java.lang.IllegalArgumentException} subtype whose message names the problem and the offending lab or
 * index, so that an API layer can answer 400.
 */
package org.metrolims.proficiency.statistics;
