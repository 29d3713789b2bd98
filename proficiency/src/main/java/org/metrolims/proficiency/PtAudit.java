package org.metrolims.proficiency;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Map;
import org.metrolims.db.audit.AuditEntry;
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
                before == null ? null : json(before), after == null ? null : json(after), reason, null));
    }

    /** An ordered map of alternating keys and values (values may be null), for {@link #record}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A flat JSON object: strings, numbers, booleans, dates (as ISO strings) and nulls. */
    static String json(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, k);
            sb.append(':');
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
                    || v instanceof BigDecimal) {
                sb.append(v);
            } else if (v instanceof Double d && Double.isFinite(d)) {
                sb.append(d);
            } else if (v instanceof Double) {
                sb.append("null");
            } else if (v instanceof Temporal || v instanceof Enum<?>) {
                quote(sb, v.toString());
            } else {
                quote(sb, v.toString());
            }
        });
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
