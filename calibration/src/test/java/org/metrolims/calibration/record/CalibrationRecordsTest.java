package org.metrolims.calibration.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_READING;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_COMPONENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.decision.Verdict;
import org.metrolims.calibration.record.CalibrationRuleException.Reason;
import org.metrolims.calibration.uncertainty.CoverageFactor;
import org.metrolims.calibration.uncertainty.ReportedResult;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.failure.Forbidden;

/** The calibration record workflow and its rules, against the real (embedded) MariaDB. */
class CalibrationRecordsTest {

    static RecordFixture f;
    static DSLContext dsl;
    static CalibrationRecords records;

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(CalibrationRecordsTest.class).dsl();
        f = new RecordFixture(dsl);
        records = f.records;
    }

    @Test
    void storesEachPointWithItsReadingsBudgetUncertaintyAndDecision() {
        Calibration c = records.draft(f.tech1, f.draft());

        assertThat(c.status()).isEqualTo(CalibrationStatus.DRAFT);
        assertThat(c.revision()).isEqualTo(1);
        assertThat(c.calibrationNo()).startsWith("FJIM-");
        assertThat(c.customerOrganizationId()).isEqualTo(f.customer); // the instrument's owner
        assertThat(c.performingOrganizationId()).isEqualTo(f.institute);
        assertThat(c.technicianId()).isEqualTo(f.tech1.userId());
        assertThat(c.referenceStandardIds()).containsExactly(f.standard);
        MeasuredPoint p = c.points().getFirst();
        assertThat(p.readings()).containsExactly(10.0002, 10.0004, 10.0003);
        assertThat(p.mean()).isCloseTo(10.0003, within(1e-12));
        assertThat(p.standardDeviation()).isCloseTo(0.0001, within(1e-12));
        assertThat(p.error()).isCloseTo(0.0003, within(1e-12));
        assertThat(p.correction()).isCloseTo(-0.0003, within(1e-12));
        // u_A = 1e-4/√3, u_ref = 1e-4, u_res = 5e-5/√3: u_c² = 1.416667e-8; ν_eff = u_c⁴/(u_A⁴/2) = 36.1 → ν = 36
        double uc = Math.sqrt(1e-8 / 3 + 1e-8 + 2.5e-9 / 3);
        assertThat(p.combinedStandardUncertainty()).isCloseTo(uc, within(1e-12));
        assertThat(p.effectiveDegreesOfFreedom()).isCloseTo(36.125, within(1e-3));
        double k = CoverageFactor.t(0.9545, 36);
        assertThat(p.coverageFactor()).isCloseTo(k, within(1e-3));
        assertThat(p.expandedUncertainty())
                .isEqualTo(ReportedResult.roundUncertainty(k * uc).doubleValue()).isEqualTo(0.00025);
        assertThat(p.coverageProbability()).isEqualTo(0.9545);
        assertThat(p.components()).extracting(BudgetComponent::name)
                .containsExactly("repeatability", "reference", "resolution");
        assertThat(p.components().get(0).degreesOfFreedom()).isEqualTo(2.0);
        assertThat(p.components().get(1).standardUncertainty()).isCloseTo(0.0001, within(1e-12));
        // ±1 µm converted to ±0.001 mm; error 0.3 µm is inside: PASS under simple acceptance, with the rule stored
        assertThat(p.tolerance()).isEqualTo(1.0);
        assertThat(p.toleranceUnit()).isEqualTo("µm");
        assertThat(p.acceptanceLower()).isCloseTo(9.999, within(1e-12));
        assertThat(p.acceptanceUpper()).isCloseTo(10.001, within(1e-12));
        assertThat(p.decisionRule()).isEqualTo(DecisionRuleCode.SIMPLE_ACCEPTANCE);
        assertThat(p.verdict()).isEqualTo(Verdict.PASS);
        assertThat(p.conformanceProbability()).isGreaterThan(0.99);
        assertThat(c.decisionRule()).isEqualTo(DecisionRuleCode.SIMPLE_ACCEPTANCE);
        assertThat(c.conformity()).isEqualTo(Conformity.PASS);
        assertThat(records.get(f.tech1, c.id())).isEqualTo(c);
    }

    @Test
    void storesAGuardBandDecisionWithItsRuleAndLimits() {
        // error 0.9 µm, U = 0.25 µm, tolerance ±1 µm: inside the tolerance, inside the guard band w = U
        PointInput near = new PointInput(10.0, "mm", List.of(10.0008, 10.0010, 10.0009), 0.001, "mm",
                f.point10mm().components());
        CalibrationDraft d = f.draft(List.of(f.point10mm(), near));
        CalibrationDraft guarded = new CalibrationDraft(d.instrumentId(), null, d.procedureCode(), d.receivedOn(),
                d.calibratedOn(), d.validUntil(), d.referenceStandardIds(), null, null, null, null,
                DecisionRuleCode.NON_BINARY_GUARD_BAND_W_EQ_U, null, null, d.points());

        Calibration c = records.draft(f.tech1, guarded);

        MeasuredPoint p = c.points().get(1);
        assertThat(p.decisionRule()).isEqualTo(DecisionRuleCode.NON_BINARY_GUARD_BAND_W_EQ_U);
        assertThat(p.guardBand()).isCloseTo(0.00025, within(1e-12));
        assertThat(p.acceptanceUpper()).isCloseTo(10.00075, within(1e-12));
        assertThat(p.verdict()).isEqualTo(Verdict.CONDITIONAL_PASS);
        assertThat(p.conformity()).isEqualTo(Conformity.INDETERMINATE);
        assertThat(c.conformity()).isEqualTo(Conformity.INDETERMINATE);
    }

    static PointInput correlated(CorrelationInput... r) {
        PointInput p = RecordFixture.point10mm();
        return new PointInput(p.nominal(), p.unit(), p.readings(), p.tolerance(), p.toleranceUnit(), p.components(),
                List.of(r));
    }

    @Test
    void storesTheCorrelationsOfAPointsBudgetAndCombinesWithThem() {
        Calibration c = records.draft(f.tech1,
                f.draft(List.of(correlated(new CorrelationInput("reference", "resolution", 0.5)))));

        MeasuredPoint p = records.get(f.tech1, c.id()).points().getFirst();
        // GUM 5.2.2 Eq. 16: u_c² = Σ u_i² + 2 r u_ref u_res, with u_ref = 1e-4 and u_res = 5e-5/√3
        double uRes = 5e-5 / Math.sqrt(3);
        double uc = Math.sqrt(1e-8 / 3 + 1e-8 + uRes * uRes + 2 * 0.5 * 1e-4 * uRes);
        assertThat(p.combinedStandardUncertainty()).isCloseTo(uc, within(1e-12));
        assertThat(p.correlations()).containsExactly(
                new org.metrolims.calibration.uncertainty.Correlation("reference", "resolution", 0.5));
        assertThat(p).isEqualTo(c.points().getFirst());
    }

    @Test
    void refusesACorrelationNamingNoComponentOrAnInconsistentSetNamingTheField() {
        assertThatThrownBy(() -> records.draft(f.tech1,
                f.draft(List.of(correlated(new CorrelationInput("reference", "thermometer", 0.5))))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].correlations[0].b"));
        assertThatThrownBy(() -> records.draft(f.tech1,
                f.draft(List.of(correlated(new CorrelationInput("reference", "resolution", 1.5))))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].correlations[0].r"));
        // r(A,ref) = 0.9 and r(A,res) = 0.9 force r(ref,res) ≥ 0.62: −0.9 is no correlation matrix at all
        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(correlated(
                new CorrelationInput("repeatability", "reference", 0.9),
                new CorrelationInput("repeatability", "resolution", 0.9),
                new CorrelationInput("reference", "resolution", -0.9))))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).startsWith("points[0].correlations["));
    }

    @Test
    void refusesApprovalByThePersonWhoCalibrated() {
        Calibration c = submitted(f.tech1);

        assertThatThrownBy(() -> records.approve(f.tech1, c.id(), c.version()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SELF_APPROVAL));
        assertThat(records.get(f.tech1, c.id()).status()).isEqualTo(CalibrationStatus.SUBMITTED);
    }

    @Test
    void aSecondTechnicianOfTheLabApprovesAndApprovalLocksTheRecord() {
        Calibration c = submitted(f.tech1);

        Calibration approved = records.approve(f.tech2, c.id(), c.version());

        assertThat(approved.status()).isEqualTo(CalibrationStatus.APPROVED);
        assertThat(approved.reviewerId()).isEqualTo(f.tech2.userId());
        assertThat(approved.approvedAt()).isNotNull();
        assertThatThrownBy(() -> records.updateDraft(f.tech1, c.id(), approved.version(), f.draft()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
        assertThatThrownBy(() -> records.approve(f.tech2, c.id(), approved.version()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
        assertThat(records.get(f.tech1, c.id())).isEqualTo(approved);
    }

    @Test
    void aTechnicianOfAnotherLabNeitherSeesNorApprovesTheRecord() {
        Calibration c = submitted(f.tech1);

        assertThatThrownBy(() -> records.approve(f.otherTech, c.id(), c.version()))
                .isInstanceOf(CalibrationNotFoundException.class);
        assertThatThrownBy(() -> records.get(f.otherTech, c.id())).isInstanceOf(CalibrationNotFoundException.class);
        assertThatThrownBy(() -> records.approve(f.reader, c.id(), c.version()))
                .isInstanceOfSatisfying(Forbidden.class,
                        e -> assertThat(e.code()).isEqualTo(CalibrationRuleException.NOT_PERMITTED));
    }

    @Test
    void aCorrectionIsANewRevisionAndTheOldOneStaysReadable() {
        Calibration c = submitted(f.tech1);
        Calibration approved = records.approve(f.tech2, c.id(), c.version());

        Calibration revision = records.revise(f.tech2, c.id(), approved.version(), "wrong reading at 10 mm",
                f.draft(List.of(new PointInput(10.0, "mm", List.of(10.0002, 10.0003, 10.0003), 1.0, "µm",
                        f.point10mm().components()))));

        assertThat(revision.revision()).isEqualTo(2);
        assertThat(revision.calibrationNo()).isEqualTo(c.calibrationNo());
        assertThat(revision.supersedesId()).isEqualTo(c.id());
        assertThat(revision.revisionReason()).isEqualTo("wrong reading at 10 mm");
        assertThat(revision.status()).isEqualTo(CalibrationStatus.DRAFT);
        assertThat(records.get(f.reader, c.id()).status()).isEqualTo(CalibrationStatus.APPROVED); // still in force

        Calibration submittedRevision = records.submit(f.tech2, revision.id(), revision.version());
        records.approve(f.tech1, revision.id(), submittedRevision.version());

        Calibration old = records.get(f.reader, c.id());
        assertThat(old.status()).isEqualTo(CalibrationStatus.SUPERSEDED);
        assertThat(old.points()).isEqualTo(approved.points());
        assertThat(records.revisions(f.reader, c.id())).extracting(CalibrationSummary::revision, CalibrationSummary::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, CalibrationStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(2, CalibrationStatus.APPROVED));
        assertThatThrownBy(() -> records.revise(f.tech1, c.id(), old.version(), "again", f.draft()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_REVISED));
    }

    @Test
    void aReviewerReturnsASubmittedRecordToItsTechnicianWithTheReason() {
        Calibration c = submitted(f.tech1);

        Calibration returned = records.returnToDraft(f.tech2, c.id(), c.version(), "reading at 20 mm looks mistyped");

        assertThat(returned.status()).isEqualTo(CalibrationStatus.DRAFT);
        assertThat(returned.version()).isGreaterThan(c.version());
        assertThat(dsl.select(AUDIT_EVENT.REASON).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(c.id())), AUDIT_EVENT.ACTION.eq("RETURN"))
                .fetchOne(AUDIT_EVENT.REASON)).isEqualTo("reading at 20 mm looks mistyped");
        // a draft again: its technician edits and submits it once more
        Calibration edited = records.updateDraft(f.tech1, c.id(), returned.version(), f.draft());
        assertThat(records.submit(f.tech1, c.id(), edited.version()).status()).isEqualTo(CalibrationStatus.SUBMITTED);
    }

    @Test
    void onlyASubmittedRecordIsReturnedAndAlwaysWithAReason() {
        Calibration draft = records.draft(f.tech1, f.draft());
        assertThatThrownBy(() -> records.returnToDraft(f.tech2, draft.id(), draft.version(), "why"))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_STATUS));
        Calibration c = submitted(f.tech1);
        assertThatThrownBy(() -> records.returnToDraft(f.tech2, c.id(), c.version(), "  "))
                .isInstanceOfSatisfying(CalibrationInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> records.returnToDraft(f.otherTech, c.id(), c.version(), "not mine"))
                .isInstanceOf(CalibrationNotFoundException.class);
        assertThat(records.get(f.tech1, c.id()).status()).isEqualTo(CalibrationStatus.SUBMITTED);
    }

    @Test
    void aWithdrawnRecordStaysReadableAndNothingMoreHappensToIt() {
        Calibration c = submitted(f.tech1);

        Calibration withdrawn = records.withdraw(f.tech1, c.id(), c.version(), "instrument was sent back unused");

        assertThat(withdrawn.status()).isEqualTo(CalibrationStatus.WITHDRAWN);
        assertThat(withdrawn.points()).isEqualTo(c.points());
        assertThat(records.get(f.reader, c.id()).status()).isEqualTo(CalibrationStatus.WITHDRAWN);
        assertThatThrownBy(() -> records.approve(f.tech2, c.id(), withdrawn.version()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_STATUS));
        assertThatThrownBy(() -> records.withdraw(f.tech1, c.id(), withdrawn.version(), "again"))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_STATUS));
    }

    @Test
    void anApprovedRecordIsNeverWithdrawn() {
        Calibration c = submitted(f.tech1);
        Calibration approved = records.approve(f.tech2, c.id(), c.version());

        assertThatThrownBy(() -> records.withdraw(f.tech1, c.id(), approved.version(), "changed my mind"))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
        assertThat(records.get(f.reader, c.id()).status()).isEqualTo(CalibrationStatus.APPROVED);
    }

    @Test
    void aWithdrawnCorrectionMakesRoomForAnotherWithTheNextRevisionNumber() {
        Calibration c = submitted(f.tech1);
        Calibration approved = records.approve(f.tech2, c.id(), c.version());
        Calibration second = records.revise(f.tech1, c.id(), approved.version(), "first try", f.draft());
        records.withdraw(f.tech1, second.id(), second.version(), "wrong record corrected");

        Calibration third = records.revise(f.tech1, c.id(), approved.version(), "second try", f.draft());

        assertThat(third.revision()).isEqualTo(3);
        assertThat(third.supersedesId()).isEqualTo(c.id());
        Calibration submittedThird = records.submit(f.tech1, third.id(), third.version());
        records.approve(f.tech2, third.id(), submittedThird.version());
        assertThat(records.get(f.reader, c.id()).status()).isEqualTo(CalibrationStatus.SUPERSEDED);
        assertThat(records.get(f.reader, second.id()).status()).isEqualTo(CalibrationStatus.WITHDRAWN);
    }

    @Test
    void aCorrectionWithoutAReasonIsRefused() {
        Calibration c = submitted(f.tech1);
        Calibration approved = records.approve(f.tech2, c.id(), c.version());

        assertThatThrownBy(() -> records.revise(f.tech1, c.id(), approved.version(), " ", f.draft()))
                .isInstanceOfSatisfying(CalibrationInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void aDraftIsNotCorrectedByARevision() {
        Calibration c = records.draft(f.tech1, f.draft());

        assertThatThrownBy(() -> records.revise(f.tech1, c.id(), c.version(), "typo", f.draft()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_STATUS));
    }

    @Test
    void refusesAPointWithFewerThanTwoReadingsAndStoresNothing() {
        int before = dsl.fetchCount(CALIBRATION);
        PointInput one = new PointInput(10.0, "mm", List.of(10.0002), 1.0, "µm", List.of());

        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(f.point10mm(), one))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[1].readings"));
        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(before);
    }

    @Test
    void refusesAToleranceOfTheWrongDimension() {
        PointInput kg = new PointInput(10.0, "mm", List.of(10.0002, 10.0004), 1.0, "kg", List.of());

        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(kg))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].toleranceUnit"));
    }

    @Test
    void refusesAnUnknownUnitAndAPointUnitOfTheWrongDimension() {
        PointInput unknown = new PointInput(10.0, "furlong", List.of(10.0002, 10.0004), null, null, List.of());
        PointInput volts = new PointInput(10.0, "V", List.of(10.0002, 10.0004), null, null, List.of());

        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(unknown))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].unit"));
        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(volts))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].unit"));
    }

    @Test
    void refusesABadBudgetComponentNamingItsField() {
        PointInput negative = new PointInput(10.0, "mm", List.of(10.0002, 10.0004), null, null,
                List.of(ComponentInput.halfWidth("resolution", "rectangular", -1)));

        assertThatThrownBy(() -> records.draft(f.tech1, f.draft(List.of(negative))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("points[0].components[0].halfWidth"));
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() {
        Calibration c = records.draft(f.tech1, f.draft());
        records.updateDraft(f.tech1, c.id(), c.version(), f.draft(List.of(f.point10mm(), f.point10mm())));

        assertThatThrownBy(() -> records.updateDraft(f.tech1, c.id(), c.version(), f.draft()))
                .isInstanceOfSatisfying(CalibrationRuleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.STALE_VERSION));
        assertThat(records.get(f.tech1, c.id()).points()).hasSize(2);
    }

    @Test
    void anEditReplacesTheDraftsPointsAndIsAuditedWithBeforeAndAfter() {
        Calibration c = records.draft(f.tech1, f.draft());

        Calibration edited = records.updateDraft(f.tech1, c.id(), c.version(),
                f.draft(List.of(f.point10mm(), f.point10mm())));

        assertThat(edited.version()).isEqualTo(c.version() + 1);
        assertThat(edited.points()).extracting(MeasuredPoint::seq).containsExactly(1, 2);
        assertThat(dsl.fetchCount(MEASUREMENT_POINT, MEASUREMENT_POINT.CALIBRATION_ID.eq(c.id()))).isEqualTo(2);
        var update = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("calibration"),
                AUDIT_EVENT.ENTITY_ID.eq(Long.toString(c.id())), AUDIT_EVENT.ACTION.eq("UPDATE")).fetchSingle();
        assertThat(update.getActor()).isEqualTo("tech1");
        assertThat(update.getBeforeState()).contains("\"version\":0").contains("\"seq\":1").doesNotContain("\"seq\":2");
        assertThat(update.getAfterState()).contains("\"version\":1").contains("\"seq\":2");
    }

    @Test
    void everyStepOfTheWorkflowIsAudited() {
        Calibration c = submitted(f.tech1);
        records.approve(f.tech2, c.id(), c.version());

        assertThat(dsl.select(AUDIT_EVENT.ACTION, AUDIT_EVENT.ACTOR).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("calibration"), AUDIT_EVENT.ENTITY_ID.eq(Long.toString(c.id())))
                .orderBy(AUDIT_EVENT.ID).fetch(r -> r.get(AUDIT_EVENT.ACTION) + " by " + r.get(AUDIT_EVENT.ACTOR)))
                .containsExactly("CREATE by tech1", "SUBMIT by tech1", "APPROVE by tech2");
    }

    @Test
    void onlyThePerformerEditsOrSubmitsADraft() {
        Calibration c = records.draft(f.tech1, f.draft());

        assertThatThrownBy(() -> records.submit(f.tech2, c.id(), c.version()))
                .isInstanceOfSatisfying(Forbidden.class,
                        e -> assertThat(e.code()).isEqualTo(CalibrationRuleException.NOT_PERMITTED));
    }

    @Test
    void ingestStoresAllOrNothingAndNamesTheRefusedRecord() {
        int before = dsl.fetchCount(CALIBRATION);
        PointInput bad = new PointInput(10.0, "mm", List.of(10.0002), null, null, List.of());

        assertThatThrownBy(() -> records.ingest(f.tech1, List.of(f.draft(), f.draft(List.of(bad)))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("records[1].points[0].readings"));
        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(before);

        List<Long> ids = records.ingest(f.tech1, List.of(f.draft(), f.draft(List.of(f.point10mm(), f.point10mm()))));

        assertThat(ids).hasSize(2);
        assertThat(records.get(f.tech1, ids.get(0)).points()).hasSize(1);
        assertThat(records.get(f.tech1, ids.get(1)).points()).hasSize(2);
        assertThat(records.get(f.tech1, ids.get(1)).points().get(1).components()).hasSize(3);
    }

    @Test
    void listsWhatEachOrganizationMaySeeWithFilters() {
        Calibration c = records.draft(f.tech1, new CalibrationDraft(f.instrument, null, "JJG 30-2012", null,
                LocalDate.of(2019, 6, 1), null, List.of(f.standard), null, null, null, null, null, null, null,
                List.of(new PointInput(10.0, "mm", List.of(10.0, 10.0002), null, null, List.of()))));

        var in2019 = new CalibrationFilter(f.instrument, null, null, null, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31));
        assertThat(records.list(f.reader, in2019, new PageRequest(0, 10)).items())
                .extracting(CalibrationSummary::id).containsExactly(c.id());
        assertThat(records.list(f.customerUser, in2019, new PageRequest(0, 10)).items())
                .extracting(CalibrationSummary::id).containsExactly(c.id());
        assertThat(records.list(f.otherTech, in2019, new PageRequest(0, 10)).items()).isEmpty();
        assertThat(records.list(f.reader, new CalibrationFilter(null, null, null, CalibrationStatus.SUPERSEDED,
                LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), new PageRequest(0, 10)).items()).isEmpty();
        assertThat(c.conformity()).isEqualTo(Conformity.NOT_STATED);
    }

    @Test
    void theReviewQueueHoldsTheLabsSubmittedRecords() {
        Calibration c = submitted(f.tech1);

        assertThat(records.reviewQueue(f.tech2, new PageRequest(0, 500)).items())
                .extracting(CalibrationSummary::id).contains(c.id());
        assertThat(records.reviewQueue(f.otherTech, new PageRequest(0, 500)).items())
                .extracting(CalibrationSummary::id).doesNotContain(c.id());
    }

    @Test
    void readsAPointWithoutReadingsAsAResultWithMeanAndUncertaintyOnly() {
        Calibration c = submitted(f.tech1);
        MeasuredPoint measured = c.points().getFirst();
        // as a historical or imported result is stored: mean, error and U, no readings, no s, no itemised budget
        long pointId = dsl.select(MEASUREMENT_POINT.ID).from(MEASUREMENT_POINT)
                .where(MEASUREMENT_POINT.CALIBRATION_ID.eq(c.id())).fetchSingle(MEASUREMENT_POINT.ID);
        dsl.deleteFrom(MEASUREMENT_READING).where(MEASUREMENT_READING.POINT_ID.eq(pointId)).execute();
        dsl.deleteFrom(UNCERTAINTY_COMPONENT).where(UNCERTAINTY_COMPONENT.POINT_ID.eq(pointId)).execute();
        dsl.update(MEASUREMENT_POINT).setNull(MEASUREMENT_POINT.STANDARD_DEVIATION)
                .setNull(MEASUREMENT_POINT.EFFECTIVE_DOF).where(MEASUREMENT_POINT.ID.eq(pointId)).execute();

        MeasuredPoint p = records.get(f.tech1, c.id()).points().getFirst();

        assertThat(p.hasReadings()).isFalse();
        assertThat(p.readings()).isEmpty();
        assertThat(p.standardDeviation()).isNull();
        assertThat(p.components()).isEmpty();
        assertThat(p.mean()).isEqualTo(measured.mean());
        assertThat(p.expandedUncertainty()).isEqualTo(measured.expandedUncertainty());
        assertThat(p.verdict()).isEqualTo(measured.verdict());
        // and the workflow reads it too: approval signs over it, a correction supersedes it
        Calibration approved = records.approve(f.tech2, c.id(), c.version());
        assertThat(approved.points().getFirst().standardDeviation()).isNull();
        Calibration revision = records.revise(f.tech1, c.id(), approved.version(), "readings found in the lab book",
                f.draft());
        assertThat(revision.points().getFirst().hasReadings()).isTrue();
        assertThat(records.get(f.tech1, c.id()).points().getFirst().standardDeviation()).isNull();
    }

    private Calibration submitted(Actor technician) {
        Calibration c = records.draft(technician, f.draft());
        return records.submit(technician, c.id(), c.version());
    }
}
