package org.metrolims.calibration.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE_POINT;

import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationInputException;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.record.RecordFixture;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.NotFound;

/** Procedure templates: versions, the audit trail, organizations' walls and the checks, on the real MariaDB. */
class ProcedureTemplatesTest {

    static RecordFixture f;
    static DSLContext dsl;
    static ProcedureTemplates templates;
    static long caliper;
    static int codes;

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(ProcedureTemplatesTest.class).dsl();
        f = new RecordFixture(dsl);
        templates = new ProcedureTemplates(new ProcedureRepository(dsl), new AuditTrail(dsl), f.records);
        caliper = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.CODE.eq("CALIPER"))
                .fetchOne(INSTRUMENT_TYPE.ID);
    }

    static PointInput point(double nominal, double toleranceUm) {
        return new PointInput(nominal, "mm", null, toleranceUm, "µm",
                List.of(ComponentInput.expanded("reference", 0.0002, 2),
                        ComponentInput.halfWidth("resolution", "rectangular", 0.005)));
    }

    static ProcedureDraft draft(String code, String title, PointInput... points) {
        return new ProcedureDraft(code, title, caliper, "mm", DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(points));
    }

    static String code() {
        return "JJG 30-2012/" + (++codes);
    }

    @Test
    void revisingWritesANewVersionAndKeepsTheOldOneAsItWas() {
        ProcedureTemplate v1 = templates.create(f.tech1, draft(code(), "Vernier calipers", point(10, 20), point(50, 30)));
        ProcedureTemplate v2 = templates.revise(f.tech2, v1.id(), 1, new ProcedureDraft(null, "Vernier calipers (0–150 mm)",
                caliper, "mm", DecisionRuleCode.SIMPLE_ACCEPTANCE, null, "adds 150 mm", List.of(point(10, 20),
                        point(50, 30), point(150, 40))));

        assertThat(v2.currentVersion()).isEqualTo(2);
        assertThat(v2.versions()).extracting(ProcedureVersion::versionNo).containsExactly(2, 1);
        assertThat(v2.version(1)).isEqualTo(v1.current()); // untouched
        assertThat(v2.current().points()).hasSize(3);
        assertThat(v2.current().points().get(2).tolerance()).isEqualTo(40.0);
        assertThat(v2.current().points().get(0).components()).extracting(ComponentInput::name)
                .containsExactly("reference", "resolution");
        assertThat(v2.current().createdBy()).isEqualTo("tech2");
        assertThat(v2.current().changeNote()).isEqualTo("adds 150 mm");
        assertThat(dsl.fetchCount(PROCEDURE_TEMPLATE_POINT, PROCEDURE_TEMPLATE_POINT.VERSION_ID.eq(v1.current().id())))
                .isEqualTo(2);
    }

    @Test
    void everyCreateRevisionAndRetirementIsAuditedWithBeforeAndAfter() {
        ProcedureTemplate t = templates.create(f.tech1, draft(code(), "Calipers", point(10, 20)));
        templates.revise(f.tech1, t.id(), 1, draft(null, "Calipers, revised", point(10, 25)));
        templates.retire(f.tech2, t.id(), 2, "replaced by JJG 30-2023");

        var lines = new AuditTrail(dsl).latestFor(ProcedureTemplates.ENTITY, Long.toString(t.id()), 10);
        assertThat(lines).extracting(l -> l.entry().action()).containsExactly("RETIRE", "REVISE", "CREATE");
        assertThat(lines).extracting(l -> l.entry().actor()).containsExactly("tech2", "tech1", "tech1");
        var revise = lines.get(1).entry();
        assertThat(revise.beforeState()).contains("\"versionNo\":1", "\"title\":\"Calipers\"", "\"tolerance\":20.0");
        assertThat(revise.afterState()).contains("\"versionNo\":2", "\"title\":\"Calipers, revised\"",
                "\"tolerance\":25.0");
        assertThat(lines.get(0).entry().afterState()).contains("\"retired\":true");
        assertThat(lines.get(0).entry().reason()).isEqualTo("replaced by JJG 30-2023");
        assertThat(lines.get(2).entry().beforeState()).isNull();
    }

    @Test
    void anotherOrganizationsTemplateIsNotFoundForReadsAndWrites() {
        ProcedureTemplate t = templates.create(f.tech1, draft(code(), "Calipers", point(10, 20)));

        assertThatThrownBy(() -> templates.get(f.otherTech, t.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> templates.revise(f.otherTech, t.id(), 1, draft(null, "mine now", point(10, 20))))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> templates.retire(f.otherTech, t.id(), 1, null)).isInstanceOf(NotFound.class);
        assertThat(templates.list(f.otherTech, null, true, ProcedureSort.CODE, false, new PageRequest(0, 50)).items())
                .extracting(ProcedureSummary::id).doesNotContain(t.id());
        assertThat(templates.options(f.otherTech, "Calipers")).isEmpty();
        // nor may another organization draft a calibration from it
        assertThatThrownBy(() -> templates.draftCalibration(f.otherTech, f.draft(), t.current().id()))
                .isInstanceOfSatisfying(CalibrationInputException.class, e -> assertThat(e.field()).isEqualTo("procedureVersionId"));
        assertThat(templates.get(f.tech2, t.id()).code()).isEqualTo(t.code()); // the same institute's colleague does
    }

    @Test
    void onlyTechniciansKeepTemplates() {
        assertThatThrownBy(() -> templates.create(f.reader, draft(code(), "Calipers", point(10, 20))))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aRevisionBasedOnAnOlderVersionIsAConflictAndWritesNothing() {
        ProcedureTemplate t = templates.create(f.tech1, draft(code(), "Calipers", point(10, 20)));
        templates.revise(f.tech1, t.id(), 1, draft(null, "first revision", point(10, 20)));

        assertThatThrownBy(() -> templates.revise(f.tech2, t.id(), 1, draft(null, "lost update", point(10, 20))))
                .isInstanceOf(Conflict.class).extracting("code").isEqualTo(Conflict.STALE_VERSION);
        assertThat(templates.get(f.tech1, t.id()).versions()).hasSize(2);
    }

    @Test
    void aRetiredTemplateIsNotOfferedNorRevisedButStaysReadable() {
        String code = code();
        ProcedureTemplate t = templates.create(f.tech1, draft(code, "Retiring calipers", point(10, 20)));
        assertThat(templates.options(f.tech1, "Retiring")).extracting(ProcedureVersion::templateId).contains(t.id());
        templates.retire(f.tech1, t.id(), 1, null);

        assertThat(templates.options(f.tech1, "Retiring")).isEmpty();
        assertThatThrownBy(() -> templates.revise(f.tech1, t.id(), 1, draft(null, "again", point(10, 20))))
                .isInstanceOf(Conflict.class).extracting("code").isEqualTo("RETIRED");
        assertThat(templates.get(f.tech1, t.id()).retired()).isTrue();
    }

    @Test
    void refusesBadPointsNamingTheField() {
        assertField(draft(code(), "Calipers", new PointInput(10, "kg", null, 20.0, "µm", List.of(
                ComponentInput.expanded("reference", 0.0002, 2)))), "points[0].unit");
        assertField(draft(code(), "Calipers", point(10, 20), new PointInput(10, "mm", null, -1.0, null, List.of(
                ComponentInput.expanded("reference", 0.0002, 2)))), "points[1].tolerance");
        assertField(draft(code(), "Calipers", new PointInput(10, "mm", null, 20.0, "µm", List.of(
                ComponentInput.expanded("reference", 0.0002, 2), ComponentInput.expanded("reference", 0.0001, 2)))),
                "points[0].components[1].name");
        assertField(draft(code(), "Calipers", new PointInput(10, "mm", null, 20.0, "µm", List.of(
                new ComponentInput("reference", "normal", null, null, 0.0002, null, null, null)))),
                "points[0].components[0].coverageFactor");
        assertField(new ProcedureDraft(code(), "Calipers", caliper, "mm", null, null, null, List.of(point(10, 20))),
                "decisionRule");
        assertField(draft(code(), "Calipers"), "points");
        assertField(draft(" ", "Calipers", point(10, 20)), "code");
        assertField(draft(code(), "  ", point(10, 20)), "title");
        assertField(new ProcedureDraft(code(), "Calipers", 999_999L, "mm", null, null, null, List.of(point(10, 20))),
                "instrumentTypeId");
        assertField(new ProcedureDraft(code(), "Calipers", caliper, "kg", DecisionRuleCode.SIMPLE_ACCEPTANCE, null,
                null, List.of(point(10, 20))), "unit");
        assertField(draft(code(), "Calipers", new PointInput(10, "mm", null, 1e-13, null, List.of(
                ComponentInput.expanded("reference", 0.0002, 2)))), "points[0].tolerance");
        String taken = code();
        templates.create(f.tech1, draft(taken, "Calipers", point(10, 20)));
        assertField(draft(taken, "Calipers again", point(10, 20)), "code");
    }

    private static void assertField(ProcedureDraft d, String field) {
        assertThatThrownBy(() -> templates.create(f.tech1, d)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aCalibrationDraftedFromATemplateNamesTheVersionItFollowed() {
        String code = "JJG 30-2012";
        ProcedureTemplate t = templates.create(f.tech1, draft(code + " (2)", "Calipers", point(10, 1)));
        Calibration c = templates.draftCalibration(f.tech1, withCode(code + " (2)"), t.current().id());

        ProcedureUse use = templates.usedBy(c.id()).orElseThrow();
        assertThat(use.versionId()).isEqualTo(t.current().id());
        assertThat(use.versionNo()).isEqualTo(1);
        assertThat(use.code()).isEqualTo(code + " (2)");
        // a later revision does not change what the record followed
        templates.revise(f.tech1, t.id(), 1, draft(null, "Calipers v2", point(10, 2)));
        assertThat(templates.usedBy(c.id()).orElseThrow().versionNo()).isEqualTo(1);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("calibration")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(c.id()))).and(AUDIT_EVENT.ACTION.eq("USE_PROCEDURE"))))
                .isEqualTo(1);
        // the superseded version is no longer picked for a new record; the code must be the template's
        assertThatThrownBy(() -> templates.draftCalibration(f.tech1, withCode(code + " (2)"), t.current().id()))
                .isInstanceOfSatisfying(CalibrationInputException.class, e -> assertThat(e.field()).isEqualTo("procedureVersionId"));
        long current = templates.get(f.tech1, t.id()).current().id();
        assertThatThrownBy(() -> templates.draftCalibration(f.tech1, withCode("JJG 1-2000"), current))
                .isInstanceOfSatisfying(CalibrationInputException.class, e -> assertThat(e.field()).isEqualTo("procedureCode"));
    }

    private static CalibrationDraft withCode(String code) {
        CalibrationDraft d = f.draft();
        return new CalibrationDraft(d.instrumentId(), d.customerOrganizationId(), code, d.receivedOn(),
                d.calibratedOn(), d.validUntil(), d.referenceStandardIds(), d.temperatureC(), d.relativeHumidityPct(),
                d.asFound(), d.asLeft(), d.decisionRule(), d.decisionRuleMultiplier(), d.coverageProbability(),
                d.points());
    }
}
