package org.metrolims.app.procedure;

import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.record.PointInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The procedure picker's options (static/js/picker.js), as the other pickers' under /options: up to 20 current
 * versions of the templates in use of the user's organization whose code or title contains the text. Each carries
 * what it pre-fills in the calibration form — the code, the decision rule and the points with their tolerances and
 * budgets — so that choosing one fills the form at once.
 */
@RestController
class ProcedureOptions {

    private final ProcedureTemplates templates;

    ProcedureOptions(ProcedureTemplates templates) {
        this.templates = templates;
    }

    /**
     * One option: {@code id} is the version's id (what the record keeps), {@code code} the procedure code, the label
     * and detail what a technician recognises it by.
     */
    record Option(long id, String code, String label, String detail, int versionNo, DecisionRuleCode decisionRule,
            Double decisionRuleMultiplier, String unit, List<PointInput> points) {
    }

    @GetMapping("/options/procedures")
    List<Option> procedures(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "") String q) {
        return templates.options(ProcedureActors.of(user), q).stream()
                .map(v -> new Option(v.id(), v.code(), v.code() + " · " + v.title(), "v" + v.versionNo(),
                        v.versionNo(), v.decisionRule(), v.decisionRuleMultiplier(), v.unit(), v.points()))
                .toList();
    }
}
