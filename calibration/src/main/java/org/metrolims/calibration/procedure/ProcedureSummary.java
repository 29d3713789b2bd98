package org.metrolims.calibration.procedure;

import java.time.LocalDateTime;

/** A row of the procedure list: the template and its current version. */
public record ProcedureSummary(long id, String code, String title, int currentVersion, String instrumentTypeNameZh,
        String instrumentTypeNameEn, int points, LocalDateTime updatedAt, boolean retired) {
}
