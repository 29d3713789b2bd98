package org.metrolims.calibration.internal;

import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit lines of the registry (ISO/IEC 17025 7.11.3): who changed which standard or instrument, how (the
 * record before and after, as JSON) and why. Joins the caller's transaction through {@link AuditTrail}, so a change
 * and its audit line commit or roll back together.
 */
@Component
public class RegistryAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail trail;

    public RegistryAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * @param before the record before the change (a record or map, written as JSON), or null when it is new
     * @param after  the record after the change
     */
    public void record(String actor, String action, String entityType, long entityId, Object before, Object after,
            String reason) {
        trail.record(new AuditEntry(actor, action, entityType, Long.toString(entityId), json(before), json(after),
                reason, null));
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }
}
