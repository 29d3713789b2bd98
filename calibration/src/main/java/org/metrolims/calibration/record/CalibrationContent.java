package org.metrolims.calibration.record;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.metrolims.db.audit.AuditJson;

/**
 * The canonical content of a calibration that an electronic signature binds: the record as its audit lines carry
 * it (header, points, readings, uncertainties, decisions), without the workflow {@code status} and the locking
 * {@code version}, which legitimately change after signing (an approved record becomes SUPERSEDED by its
 * correction). Any other change to the record changes these bytes.
 */
public final class CalibrationContent {

    private CalibrationContent() {
    }

    /** UTF-8 JSON of the signed fields, in a fixed order. */
    public static byte[] canonical(Calibration c) {
        Map<String, Object> fields = CalibrationJson.fields(c);
        fields.remove("status");
        fields.remove("version");
        return AuditJson.object(fields).getBytes(StandardCharsets.UTF_8);
    }
}
