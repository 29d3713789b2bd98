package org.metrolims.calibration.record;

import java.time.Instant;
import java.util.Set;

/**
 * A step in a record's history that carries a reason: a return to its technician (the reviewer's finding), a
 * withdrawal, a correcting revision, the supersession by one, or a documented override of an unfit standard.
 *
 * @param actor the user name the audit trail recorded
 */
record RecordEvent(long calibrationId, int revision, String action, String actor, Instant at,
        String reason) {

    /** The audit actions that make up the history. */
    static final Set<String> ACTIONS = Set.of("RETURN", "WITHDRAW", "REVISE", "SUPERSEDE", "OVERRIDE_REFERENCE");
}
