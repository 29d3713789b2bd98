package org.metrolims.calibration.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.record.UnfitReference.Problem;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;

/**
 * Reference standards unfit on the calibration date are refused unless overridden with a reason; returned records
 * carry the finding; the review queue and My work, against the real (embedded) MariaDB. The fixture's drafts are
 * calibrated on 2025-03-03.
 */
class ReferenceStandardFitnessTest {

    /** A schema of its own for the counts. */
    static final class Counts {
    }

    static RecordFixture f;
    static DSLContext dsl;
    static CalibrationRecords records;
    static CalibrationWork work;
    static final LocalDate CALIBRATED_ON = LocalDate.of(2025, 3, 3);

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(ReferenceStandardFitnessTest.class).dsl();
        f = new RecordFixture(dsl);
        records = f.records;
        work = new CalibrationWork(new WorkRepository(dsl), java.time.Clock.systemUTC());
    }

    static CalibrationDraft using(long standard, ReferenceOverride... overrides) {
        CalibrationDraft d = f.draft();
        return new CalibrationDraft(d.instrumentId(), d.customerOrganizationId(), d.procedureCode(), d.receivedOn(),
                d.calibratedOn(), d.validUntil(), List.of(standard), d.temperatureC(), d.relativeHumidityPct(),
                d.asFound(), d.asLeft(), d.decisionRule(), d.decisionRuleMultiplier(), d.coverageProbability(),
                d.points(), List.of(overrides));
    }

    @Test
    void refusesAStandardWhoseCalibrationExpiredBeforeTheCalibrationDate() {
        long overdue = f.standardCalibratedUntil("STD-OVERDUE", CALIBRATED_ON.minusDays(1));

        assertThatThrownBy(() -> records.draft(f.tech1, using(overdue)))
                .isInstanceOfSatisfying(ReferenceStandardsUnfitException.class, e -> {
                    assertThat(e.field()).isEqualTo("referenceStandardIds");
                    assertThat(e.unfit()).singleElement().satisfies(u -> {
                        assertThat(u.standardId()).isEqualTo(overdue);
                        assertThat(u.problems()).containsExactly(Problem.OVERDUE);
                        assertThat(u.validUntil()).isEqualTo(CALIBRATED_ON.minusDays(1));
                    });
                    assertThat(e.getMessage()).contains("STD-OVERDUE", "overdue", "2025-03-02");
                });
    }

    @Test
    void acceptsAStandardDueTomorrowAndOnItsLastValidDay() {
        long dueTomorrow = f.standardCalibratedUntil("STD-DUE-TOMORROW", CALIBRATED_ON.plusDays(1));
        long lastDay = f.standardCalibratedUntil("STD-LAST-DAY", CALIBRATED_ON);

        assertThat(records.draft(f.tech1, using(dueTomorrow)).referenceStandardIds()).containsExactly(dueTomorrow);
        assertThat(records.draft(f.tech1, using(lastDay)).referenceStandardIds()).containsExactly(lastDay);
    }

    @Test
    void refusesASuspendedStandardButNotOneSuspendedOnlyAfterTheCalibrationDate() {
        long suspended = f.standardCalibratedUntil("STD-SUSPENDED", CALIBRATED_ON.plusYears(1));
        f.status(suspended, "SUSPENDED", CALIBRATED_ON.minusDays(10));
        long later = f.standardCalibratedUntil("STD-SUSPENDED-LATER", CALIBRATED_ON.plusYears(1));
        f.status(later, "SUSPENDED", CALIBRATED_ON.plusDays(1));

        assertThatThrownBy(() -> records.draft(f.tech1, using(suspended)))
                .isInstanceOfSatisfying(ReferenceStandardsUnfitException.class, e -> assertThat(e.unfit())
                        .singleElement().satisfies(u -> assertThat(u.problems()).containsExactly(Problem.NOT_IN_SERVICE)));
        assertThat(records.draft(f.tech1, using(later)).status()).isEqualTo(CalibrationStatus.DRAFT);
    }

    @Test
    void refusesAStandardWhoseChainIsBrokenAboveIt() {
        // calibrated in the province against the suspended-since-2024 standard: the link above it is broken
        long upstream = f.standardCalibratedUntil("STD-UP", CALIBRATED_ON.plusYears(1));
        f.status(upstream, "SUSPENDED", LocalDate.of(2024, 1, 1));
        long standard = f.standardCalibratedUntil("STD-DOWN", CALIBRATED_ON.plusYears(1));
        long link = dsl.select(org.metrolims.db.jooq.Tables.CALIBRATION.ID).from(org.metrolims.db.jooq.Tables.CALIBRATION)
                .where(org.metrolims.db.jooq.Tables.CALIBRATION.CALIBRATION_NO.eq("NIM-STD-DOWN")).fetchOne().value1();
        dsl.update(org.metrolims.db.jooq.Tables.CALIBRATION).setNull(org.metrolims.db.jooq.Tables.CALIBRATION.EXTERNAL_ISSUER)
                .setNull(org.metrolims.db.jooq.Tables.CALIBRATION.EXTERNAL_CERTIFICATE_NO)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION.PERFORMING_ORGANIZATION_ID, f.institute)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION.REVIEWER_ID, f.tech2.userId())
                .set(org.metrolims.db.jooq.Tables.CALIBRATION.APPROVED_AT, java.time.Instant.parse("2024-03-05T09:00:00Z"))
                .where(org.metrolims.db.jooq.Tables.CALIBRATION.ID.eq(link)).execute();
        dsl.insertInto(org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID, link)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID, upstream)
                .execute();

        assertThatThrownBy(() -> records.draft(f.tech1, using(standard)))
                .isInstanceOfSatisfying(ReferenceStandardsUnfitException.class, e -> assertThat(e.unfit())
                        .singleElement().satisfies(u -> assertThat(u.problems()).containsExactly(Problem.BROKEN_CHAIN)));
    }

    @Test
    void anOverrideWithAReasonIsStoredAndAuditedAndABlankOneIsRefused() {
        long overdue = f.standardCalibratedUntil("STD-OVERRIDDEN", CALIBRATED_ON.minusDays(30));

        assertThatThrownBy(() -> records.draft(f.tech1, using(overdue, new ReferenceOverride(overdue, "  "))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("referenceOverrides[0].reason"));
        assertThatThrownBy(() -> records.draft(f.tech1, using(overdue, new ReferenceOverride(f.standard, "why"))))
                .isInstanceOfSatisfying(CalibrationInputException.class,
                        e -> assertThat(e.field()).isEqualTo("referenceOverrides[0].standardId"));

        Calibration c = records.draft(f.tech1, using(overdue,
                new ReferenceOverride(overdue, "recalibrated 2025-03-01, certificate on its way")));

        assertThat(records.overrides(f.tech1, c.id())).singleElement().satisfies(o -> {
            assertThat(o.standardId()).isEqualTo(overdue);
            assertThat(o.code()).isEqualTo("STD-OVERRIDDEN");
            assertThat(o.problems()).containsExactly(Problem.OVERDUE);
            assertThat(o.reason()).isEqualTo("recalibrated 2025-03-01, certificate on its way");
            assertThat(o.overriddenById()).isEqualTo(f.tech1.userId());
            assertThat(o.overriddenBy()).isEqualTo("tech1");
            assertThat(o.overriddenAt()).isNotNull();
        });
        var line = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(c.id())),
                AUDIT_EVENT.ACTION.eq("OVERRIDE_REFERENCE")).fetchSingle();
        assertThat(line.getActor()).isEqualTo("tech1");
        assertThat(line.getReason()).isEqualTo("recalibrated 2025-03-01, certificate on its way");
        assertThat(line.getAfterState()).contains("STD-OVERRIDDEN", "OVERDUE");
        assertThat(records.history(f.tech1, c.id())).extracting(RecordEvent::action).contains("OVERRIDE_REFERENCE");

        // the override carries over to submission; saving it again unchanged adds no audit line
        records.updateDraft(f.tech1, c.id(), c.version(), using(overdue,
                new ReferenceOverride(overdue, "recalibrated 2025-03-01, certificate on its way")));
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(Long.toString(c.id())),
                AUDIT_EVENT.ACTION.eq("OVERRIDE_REFERENCE"))).isEqualTo(1);
        assertThat(records.submit(f.tech1, c.id(), c.version() + 1).status()).isEqualTo(CalibrationStatus.SUBMITTED);
    }

    @Test
    void submittingADraftWhoseStandardWasSuspendedSinceIsRefused() {
        long standard = f.standardCalibratedUntil("STD-SUSPENDED-SINCE", CALIBRATED_ON.plusYears(1));
        Calibration c = records.draft(f.tech1, using(standard));
        f.status(standard, "SUSPENDED", CALIBRATED_ON.minusDays(1)); // recorded late, effective before the date

        assertThatThrownBy(() -> records.submit(f.tech1, c.id(), c.version()))
                .isInstanceOf(ReferenceStandardsUnfitException.class);
        assertThat(records.get(f.tech1, c.id()).status()).isEqualTo(CalibrationStatus.DRAFT);
    }

    @Test
    void aReturnedRecordShowsTheFindingUntilItIsSubmittedAgain() {
        Calibration c = records.draft(f.tech1, f.draft());
        Calibration submitted = records.submit(f.tech1, c.id(), c.version());
        Calibration returned = records.returnToDraft(f.tech2, c.id(), submitted.version(), "point 1: wrong unit");

        RecordNames names = records.names(f.tech1, c.id());
        assertThat(names.finding().text()).isEqualTo("point 1: wrong unit");
        assertThat(names.finding().by()).isEqualTo("tech2");
        assertThat(names.finding().at()).isNotNull();
        assertThat(names.technicianName()).isEqualTo("tech1");
        assertThat(names.instrumentLabel()).isEqualTo("Mitutoyo 500-196 #SN-1");
        assertThat(names.customerNameEn()).isEqualTo("ACME");
        assertThat(names.standards()).extracting(RecordNames.StandardName::code).containsExactly("STD-GB-1");
        assertThat(work.list(f.tech1, WorkList.RETURNED, new PageRequest(0, 50)).items())
                .anySatisfy(i -> {
                    assertThat(i.id()).isEqualTo(c.id());
                    assertThat(i.finding().text()).isEqualTo("point 1: wrong unit");
                    assertThat(i.finding().by()).isEqualTo("tech2");
                });
        assertThat(work.list(f.tech1, WorkList.TO_FINISH, new PageRequest(0, 50)).items())
                .noneMatch(i -> i.id() == c.id());
        assertThat(records.history(f.tech1, c.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("RETURN");
            assertThat(e.actor()).isEqualTo("tech2");
            assertThat(e.reason()).isEqualTo("point 1: wrong unit");
        });

        records.submit(f.tech1, c.id(), returned.version());
        assertThat(records.names(f.tech1, c.id()).finding()).isNull();
        assertThat(work.list(f.tech1, WorkList.RETURNED, new PageRequest(0, 50)).items())
                .noneMatch(i -> i.id() == c.id());
    }

    @Test
    void theReviewQueueNeverListsTheReviewersOwnRecordsAndIsPaged() {
        Calibration mine = records.draft(f.tech1, f.draft());
        records.submit(f.tech1, mine.id(), mine.version());
        Calibration theirs = records.draft(f.tech2, f.draft());
        records.submit(f.tech2, theirs.id(), theirs.version());

        assertThat(records.reviewQueue(f.tech1, new PageRequest(0, 500)).items())
                .extracting(CalibrationSummary::id).contains(theirs.id()).doesNotContain(mine.id());
        assertThat(records.reviewQueue(f.tech2, new PageRequest(0, 500)).items())
                .extracting(CalibrationSummary::id).contains(mine.id()).doesNotContain(theirs.id());
        var firstPage = records.reviewQueue(f.tech2, new PageRequest(0, 1));
        assertThat(firstPage.items()).hasSize(1);
        assertThat(firstPage.totalItems()).isEqualTo(records.reviewQueue(f.tech2, new PageRequest(0, 500)).items().size());
        assertThat(work.list(f.tech1, WorkList.TO_REVIEW, new PageRequest(0, 500)).items())
                .extracting(WorkItem::id).contains(theirs.id()).doesNotContain(mine.id());
    }

    @Test
    void countsOneListEachAndMatchTheLists() {
        RecordFixture g = new RecordFixture(TestDatabase.newSchema(Counts.class).dsl());
        CalibrationWork w = new CalibrationWork(new WorkRepository(g.dsl), java.time.Clock.systemUTC());
        Calibration draft = g.records.draft(g.tech1, g.draft());
        Calibration toReturn = g.records.draft(g.tech1, g.draft());
        Calibration s = g.records.submit(g.tech1, toReturn.id(), toReturn.version());
        g.records.returnToDraft(g.tech2, s.id(), s.version(), "budget: reference U missing");
        Calibration byOther = g.records.draft(g.tech2, g.draft());
        Calibration submitted = g.records.submit(g.tech2, byOther.id(), byOther.version());
        Calibration approvedSource = g.records.draft(g.tech2, g.draft());
        Calibration a = g.records.submit(g.tech2, approvedSource.id(), approvedSource.version());
        g.records.approve(g.tech1, a.id(), a.version());

        WorkCounts tech1 = w.counts(g.tech1);
        assertThat(tech1).isEqualTo(new WorkCounts(1, 1, 1, 1));
        assertThat(w.counts(g.tech2)).isEqualTo(new WorkCounts(0, 0, 0, 1));
        assertThat(w.counts(g.otherTech)).isEqualTo(WorkCounts.NONE);
        assertThat(w.counts(g.reader)).isEqualTo(WorkCounts.NONE);
        assertThat(w.list(g.tech1, WorkList.TO_FINISH, new PageRequest(0, 50)).items()).extracting(WorkItem::id)
                .containsExactly(draft.id());
        assertThat(w.list(g.tech1, WorkList.TO_REVIEW, new PageRequest(0, 50)).items()).extracting(WorkItem::id)
                .containsExactly(submitted.id());
        assertThat(w.list(g.tech1, WorkList.TO_ISSUE, new PageRequest(0, 50)).items()).extracting(WorkItem::id)
                .containsExactly(a.id());
    }

    @Test
    void readyToIssueHoldsOnlyApprovalsOfTheLastNinetyDays() {
        RecordFixture g = new RecordFixture(TestDatabase.newSchema(ReadyToIssue.class).dsl());
        CalibrationWork w = new CalibrationWork(new WorkRepository(g.dsl), java.time.Clock.systemUTC());
        Calibration recentSource = g.records.draft(g.tech2, g.draft());
        Calibration recent = g.records.submit(g.tech2, recentSource.id(), recentSource.version());
        g.records.approve(g.tech1, recent.id(), recent.version());
        Calibration oldSource = g.records.draft(g.tech2, g.draft());
        Calibration old = g.records.submit(g.tech2, oldSource.id(), oldSource.version());
        g.records.approve(g.tech1, old.id(), old.version());
        // approved 91 days ago and never issued: history, not open work
        g.dsl.update(org.metrolims.db.jooq.Tables.CALIBRATION)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION.APPROVED_AT,
                        java.time.Instant.now().minus(java.time.Duration.ofDays(91)))
                .where(org.metrolims.db.jooq.Tables.CALIBRATION.ID.eq(old.id())).execute();

        assertThat(w.counts(g.tech1).toIssue()).isEqualTo(1);
        assertThat(w.list(g.tech1, WorkList.TO_ISSUE, new PageRequest(0, 50)).items()).extracting(WorkItem::id)
                .containsExactly(recent.id());
    }

    static final class ReadyToIssue {
    }
}
