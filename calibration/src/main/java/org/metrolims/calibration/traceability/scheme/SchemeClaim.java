package org.metrolims.calibration.traceability.scheme;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A level of its quantity's verification scheme that a standard's owner claims for it (in its assessment file), as
 * recorded: in force from {@code since} until {@code endedAt}, when a later claim superseded it or it was withdrawn.
 * Claims are never deleted, so a standard's claims are its claim history.
 *
 * @param source    where a claim loaded in bulk was taken from (the demo's assessment files); empty for a user's
 * @param reason    why the user recorded it
 * @param endKind   {@code SUPERSEDED} or {@code WITHDRAWN}, once it is no longer in force
 */
record SchemeClaim(long id, long standardId, long levelId, String scheme, String level, String levelNameZh,
        String levelNameEn, int tier, Optional<String> source, Optional<String> reason, String recordedBy,
        LocalDateTime since, Optional<LocalDateTime> endedAt, Optional<String> endedBy, Optional<String> endKind,
        Optional<String> endReason) {

    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String WITHDRAWN = "WITHDRAWN";

    public boolean inForce() {
        return endedAt.isEmpty();
    }
}
