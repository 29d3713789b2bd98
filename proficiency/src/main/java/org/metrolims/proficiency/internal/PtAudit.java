package org.metrolims.proficiency.internal;

import java.util.Map;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Writes the audit lines of the PT workflow (ISO/IEC 17025 7.11.3): who did what to which PT record, with the
 * record's state before and after as flat JSON objects. Joins the caller's transaction through {@link AuditTrail}.
 */
@Component
public class PtAudit {

    private final AuditTrail trail;

    public PtAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * @param before the state before (null when the record is new), keys in the order given
     * @param after  the state after (null when removed)
     */
    public void record(String actor, String action, String entityType, Object entityId, Map<String, ?> before,
            Map<String, ?> after, String reason) {
        trail.record(new AuditEntry(actor, action, entityType, entityId == null ? null : entityId.toString(),
                before == null ? null : AuditJson.object(before), after == null ? null : AuditJson.object(after), reason,
                null));
    }

    /** An ordered map of alternating keys and values (values may be null), for {@link #record}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
