package org.metrolims.calibration.traceability.scheme;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one standard's place in its verification scheme.
 *
 * @param level               the level it sits at: the one its uncertainty belongs to, else the one it claims
 * @param tier                that level's tier (1 = national primary)
 * @param claimedLevel        the level it claims (explicitly, or by its accuracy class)
 * @param belongsTo           for {@link SchemeVerdict#MISPLACED}: the level its uncertainty belongs to (empty when it
 *                            falls in no level of the scheme)
 * @param referencesNotHigher codes of its reference standards of the same scheme that sit at its level or lower
 * @param reason              a one-line explanation in English, for logs and the API
 */
public record SchemeStanding(long standardId, SchemeVerdict verdict, Optional<String> scheme, Optional<String> level,
        Optional<Integer> tier, Optional<String> claimedLevel, Optional<String> belongsTo,
        List<String> referencesNotHigher, String reason) {

    public SchemeStanding {
        referencesNotHigher = List.copyOf(referencesNotHigher);
    }
}
