/**
 * Scoring a closed round in one transaction with the ISO 13528 statistics (assigned value, sigma_pt, z, z', zeta, En),
 * the scores stored and the round's summary, and a lab's history across rounds. {@link
 * org.metrolims.proficiency.scoring.RoundScoring} is the entry point.
 */
package org.metrolims.proficiency.scoring;
