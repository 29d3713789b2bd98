package org.metrolims.app.procedure;

import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.procedure.ProcedureUse;
import org.springframework.stereotype.Component;

/**
 * The template version a calibration record was drafted from, for the record page ({@code @procedureUses}), which
 * has already checked that the user may see the record. Null when the record was typed without a template.
 */
@Component("procedureUses")
public class ProcedureUses {

    private final ProcedureTemplates templates;

    ProcedureUses(ProcedureTemplates templates) {
        this.templates = templates;
    }

    public ProcedureUse of(long calibrationId) {
        return templates.usedBy(calibrationId).orElse(null);
    }
}
