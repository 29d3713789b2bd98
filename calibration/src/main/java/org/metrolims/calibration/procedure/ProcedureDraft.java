package org.metrolims.calibration.procedure;

import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.PointInput;

/**
 * A procedure template's content as a technician enters it, for a new template or a new version of one. The points
 * are a calibration's {@link PointInput}s without readings: nominal, unit, tolerance (± MPE) and the Type B budget.
 *
 * @param code the JJG/JJF code (e.g. {@code JJG 30-2012}); fixed once the template exists (a revised regulation is
 *        a new template)
 * @param instrumentTypeId the instrument type the procedure is for; its quantity's dimension bounds every unit
 * @param unit the unit the points are usually given in (the form's default)
 * @param decisionRule the rule the tolerances are judged under; required when a point has a tolerance
 * @param changeNote why this version differs from the one before (optional for the first)
 */
public record ProcedureDraft(String code, String title, Long instrumentTypeId, String unit,
        DecisionRuleCode decisionRule, Double decisionRuleMultiplier, String changeNote, List<PointInput> points) {

    public ProcedureDraft {
        points = points == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(points));
    }
}
