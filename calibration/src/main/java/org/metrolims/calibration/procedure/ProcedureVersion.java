package org.metrolims.calibration.procedure;

import java.time.LocalDateTime;
import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.PointInput;

/**
 * One version of a procedure template, as it was written (never changed afterwards).
 *
 * @param points the test points, without readings
 */
public record ProcedureVersion(long id, long templateId, int versionNo, String code, String title,
        long instrumentTypeId, String instrumentTypeCode, String instrumentTypeNameZh, String instrumentTypeNameEn,
        String unit, DecisionRuleCode decisionRule, Double decisionRuleMultiplier, String changeNote,
        String createdBy, LocalDateTime createdAt, List<PointInput> points) {

    public ProcedureVersion {
        points = List.copyOf(points);
    }
}
