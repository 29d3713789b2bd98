package org.metrolims.demo;

import java.util.List;
import java.util.Map;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.procedure.InstrumentTypeChoice;
import org.metrolims.calibration.procedure.ProcedureDraft;
import org.metrolims.calibration.procedure.ProcedureTemplate;
import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.UserLogin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The provincial institute's procedure templates, written by its technicians through the templates' entry point (so
 * checked and audited as theirs): calipers (JJG 30-2012, revised once, so that the page shows a version history),
 * electronic balances (JJG 1036-2022) and Bourdon-tube pressure gauges (JJG 52-2013). The demo user {@code tech}
 * picks them in the new-calibration form.
 */
@Component
@Order(55)
class ProcedureDemoTemplates implements DemoProvinceExtension {

    private final ProcedureTemplates templates;
    private final Accounts accounts;

    ProcedureDemoTemplates(ProcedureTemplates templates, Accounts accounts) {
        this.templates = templates;
        this.accounts = accounts;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        Actor tech = actor("tech");
        Actor reviewer = actor("reviewer");
        Map<String, Long> types = new java.util.HashMap<>();
        for (InstrumentTypeChoice t : templates.instrumentTypes()) {
            types.put(t.code(), t.id());
        }
        ProcedureTemplate calipers = templates.create(tech, new ProcedureDraft("JJG 30-2012",
                "通用卡尺 Vernier, dial and digital calipers (0–150 mm)", types.get("CALIPER"), "mm",
                DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(caliperPoint(10), caliperPoint(50), caliperPoint(100))));
        templates.revise(reviewer, calipers.id(), 1, new ProcedureDraft(null,
                "通用卡尺 Vernier, dial and digital calipers (0–150 mm)", types.get("CALIPER"), "mm",
                DecisionRuleCode.SIMPLE_ACCEPTANCE, null, "adds the 150 mm point of the full range",
                List.of(caliperPoint(10), caliperPoint(50), caliperPoint(100), caliperPoint(150))));
        templates.create(tech, new ProcedureDraft("JJG 1036-2022", "电子天平 Electronic balances (d = 0.1 mg)",
                types.get("ELECTRONIC_BALANCE"), "g", DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(balancePoint(10), balancePoint(50), balancePoint(100), balancePoint(200))));
        templates.create(tech, new ProcedureDraft("JJG 52-2013",
                "弹性元件式一般压力表 Bourdon-tube pressure gauges, class 1.6, 0–2.5 MPa", types.get("PRESSURE_GAUGE"),
                "MPa", DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(gaugePoint(0.5), gaugePoint(1.0), gaugePoint(1.5), gaugePoint(2.0), gaugePoint(2.5))));
        return Map.of("procedure_template", 3L, "procedure_template_version", 4L);
    }

    /** ±0.02 mm (0.02 mm division); gauge blocks of grade 3, the caliper's resolution, the temperature difference. */
    private static PointInput caliperPoint(double mm) {
        return new PointInput(mm, "mm", null, 0.02, "mm", List.of(
                ComponentInput.expanded("gauge block", 0.0008, 2),
                ComponentInput.halfWidth("resolution", "rectangular", 0.01),
                ComponentInput.halfWidth("temperature", "rectangular", 0.0005)));
    }

    /** ±0.5 mg (class I, e = 1 mg); the E2 weight, the resolution (d = 0.1 mg). */
    private static PointInput balancePoint(double g) {
        return new PointInput(g, "g", null, 0.5, "mg", List.of(
                ComponentInput.expanded("E2 weight", 0.00003, 2),
                ComponentInput.halfWidth("resolution", "rectangular", 0.00005)));
    }

    /** ±0.04 MPa (class 1.6 of 2.5 MPa); the precision gauge, reading to a fifth of a division. */
    private static PointInput gaugePoint(double mpa) {
        return new PointInput(mpa, "MPa", null, 0.04, "MPa", List.of(
                ComponentInput.expanded("precision gauge", 0.005, 2),
                ComponentInput.halfWidth("reading", "rectangular", 0.01)));
    }

    private Actor actor(String username) {
        UserLogin u = accounts.login(username)
                .orElseThrow(() -> new IllegalStateException("the demo has no user " + username));
        return new Actor(u.id(), u.username(), u.organizationId(), u.organizationCode(), true, false);
    }
}
