package org.metrolims.db.audit;

import java.util.Objects;

/**
 * One line of the audit trail (ISO/IEC 17025 7.11.3): who did what to which record, with the
 * record's state before and after as JSON.
 *
 * @param actor         user name, or {@code system} for jobs
 * @param action        what was done, e.g. CREATE, UPDATE, APPROVE, LOGIN, LOGIN_FAILED
 * @param entityType    the kind of record, or null for events about no record (a login)
 * @param entityId      the record's id, or null
 * @param beforeState   JSON of the record before the change, or null when it is new
 * @param afterState    JSON of the record after the change, or null when it is removed
 * @param reason        why, where the workflow asks for one (corrections, amendments)
 * @param remoteAddress client address, when the change came over HTTP
 */
public record AuditEntry(String actor, String action, String entityType, String entityId, String beforeState,
        String afterState, String reason, String remoteAddress) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    public static AuditEntry event(String actor, String action, String remoteAddress) {
        return new AuditEntry(actor, action, null, null, null, null, null, remoteAddress);
    }
}
