package org.metrolims.proficiency.scoring;

import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.statistics.Performance;

/**
 * A stored score of one lab in one round. The organization fields are for officers; labs are shown other labs by
 * {@code labCode} only.
 *
 * @param roundStatus SCORED or REPORTED; labs see their scores once the report is issued
 * @param zeta null when the lab gave no uncertainty
 * @param en   null when the lab gave no uncertainty
 */
public record LabRoundScore(long roundId, String roundCode, RoundStatus roundStatus, String schemeCode, String labCode, long enrolmentId,
        long organizationId, String organizationCode, String organizationNameZh, String organizationNameEn,
        long resultId, double value, Double z, Double zPrime, Double zeta, Double en, Performance classification) {
}
