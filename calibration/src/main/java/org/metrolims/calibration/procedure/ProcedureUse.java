package org.metrolims.calibration.procedure;

/** The template version a calibration was drafted from. */
public record ProcedureUse(long calibrationId, long templateId, long versionId, long organizationId, String code,
        int versionNo, String title) {
}
