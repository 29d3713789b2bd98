package org.metrolims.proficiency.enrolment;

import java.time.Instant;

/**
 * A lab in a round under its confidential lab code. The organization's names are for officers only; anything a lab
 * sees about another lab carries the code alone.
 */
public record Enrolment(long id, long roundId, long organizationId, String organizationCode,
        String organizationNameZh, String organizationNameEn, String labCode, EnrolmentStatus status,
        Instant appliedAt, String decidedBy, Instant decidedAt) {
}
