package org.metrolims.calibration.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;

class CalibrationSchedulesTest {

    static ScheduleFixture f;

    @BeforeAll
    static void province() {
        f = new ScheduleFixture(TestDatabase.newSchema(CalibrationSchedulesTest.class).dsl());
    }

    private static LocalDate dueOn(long instrument) {
        f.schedules.refreshStale();
        return f.dsl.select(CALIBRATION_SCHEDULE.DUE_ON).from(CALIBRATION_SCHEDULE)
                .where(CALIBRATION_SCHEDULE.INSTRUMENT_ID.eq(instrument)).fetchSingle(CALIBRATION_SCHEDULE.DUE_ON);
    }

    @Test
    void dueDateIsTheLastApprovedCalibrationPlusTheTypeInterval() {
        long i = f.instrument(f.xmLab, f.caliper);
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2020, 1, 1)); // never calibrated: due since registration
        f.calibrate(i, LocalDate.of(2025, 3, 3), null, "APPROVED", "JJG 30-2012");
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2026, 3, 3));
        f.calibrate(i, LocalDate.of(2026, 2, 20), null, "DRAFT", "JJG 30-2012");
        assertThat(dueOn(i)).as("a draft does not move the due date").isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aShorterStatedValidityWinsOverTheInterval() {
        long i = f.instrument(f.xmLab, f.caliper);
        f.calibrate(i, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 9, 2), "APPROVED", "JJG 30-2012");
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2025, 9, 2));
    }

    @Test
    void handSetIntervalWinsOverStandardProcedureAndType() {
        long byHand = f.instrument(f.institute, f.caliper, f.standard, 3);
        long ofStandard = f.instrument(f.institute, f.thermometer, f.standard, null);
        long byProcedure = f.instrument(f.fzLab, f.caliper);
        for (long i : List.of(byHand, ofStandard, byProcedure)) {
            f.calibrate(i, LocalDate.of(2025, 1, 10), LocalDate.of(2030, 1, 1), "APPROVED", "JJF 1000-PROC");
        }
        f.schedules.setProcedureInterval("JJF 1000-PROC", 9, "tech");
        f.schedules.setStandardInterval(f.standard, Optional.of(4), "tech");
        assertThat(dueOn(byHand)).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(dueOn(ofStandard)).isEqualTo(LocalDate.of(2025, 5, 10));
        assertThat(dueOn(byProcedure)).isEqualTo(LocalDate.of(2025, 10, 10));
        f.schedules.setStandardInterval(f.standard, Optional.empty(), "tech");
        assertThat(dueOn(ofStandard)).as("back to the procedure's 9 months").isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void changingTheTypeIntervalMovesItsDueDates() {
        long type = f.dsl.insertInto(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE)
                .set(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.CODE, "GAUGE")
                .set(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.NAME_ZH, "表")
                .set(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.NAME_EN, "Gauge")
                .set(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.QUANTITY_ID,
                        f.dsl.select(org.metrolims.db.jooq.Tables.QUANTITY.ID).from(org.metrolims.db.jooq.Tables.QUANTITY)
                                .where(org.metrolims.db.jooq.Tables.QUANTITY.CODE.eq("LENGTH"))
                                .fetchSingle(org.metrolims.db.jooq.Tables.QUANTITY.ID))
                .set(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12)
                .returningResult(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.ID)
                .fetchSingle(org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE.ID);
        long i = f.instrument(f.xmLab, type);
        f.calibrate(i, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1), "APPROVED", "P-GAUGE");
        f.schedules.setTypeInterval(type, 6);
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2025, 12, 1));
        f.schedules.setTypeInterval(type, 24);
        assertThat(dueOn(i)).as("lengthening waits for the next certificate").isEqualTo(LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> f.schedules.setTypeInterval(type, 0)).isInstanceOfSatisfying(
                ScheduleInputException.class, e -> assertThat(e.field()).isEqualTo("intervalMonths"));
    }

    @Test
    void dueListHasOverdueAndDueSoonByOwnerRegionAndDisciplineButNotRetired() {
        long owner = f.organization("DUE-LAB", "ENTERPRISE", f.xiamen, null);
        long overdue = f.instrument(owner, f.caliper);
        f.calibrate(overdue, LocalDate.of(2025, 10, 1), null, "APPROVED", "P");
        long soon = f.instrument(owner, f.thermometer);
        f.calibrate(soon, LocalDate.of(2026, 5, 20), null, "APPROVED", "P");
        long later = f.instrument(owner, f.caliper);
        f.calibrate(later, LocalDate.of(2026, 9, 1), null, "APPROVED", "P");
        long retired = f.instrument(owner, f.caliper);
        f.calibrate(retired, LocalDate.of(2025, 1, 1), null, "APPROVED", "P");
        f.dsl.update(INSTRUMENT).set(INSTRUMENT.STATUS, "RETIRED").where(INSTRUMENT.ID.eq(retired)).execute();

        LocalDate today = LocalDate.of(2026, 11, 1);
        var filter = DueFilter.province(today, today.plusDays(30)).withOwner(owner);
        var page = f.schedules.due(filter, new PageRequest(0, 50));
        assertThat(page.items()).extracting(DueItem::instrumentId).containsExactly(overdue, soon);
        assertThat(page.items()).extracting(DueItem::overdue).containsExactly(true, false);
        assertThat(page.items().get(1).dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));

        var thermal = new DueFilter(today, today.plusDays(30), Optional.of(owner), Optional.empty(),
                Optional.of(f.thermal), Optional.empty(), Optional.empty());
        assertThat(f.schedules.due(thermal, new PageRequest(0, 50)).items()).extracting(DueItem::instrumentId)
                .containsExactly(soon);
        var fuzhouOnly = new DueFilter(today, today.plusDays(30), Optional.of(owner), Optional.of("3501"),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(f.schedules.due(fuzhouOnly, new PageRequest(0, 50)).totalItems()).isZero();
        var secondPage = f.schedules.due(filter, new PageRequest(1, 1));
        assertThat(secondPage.totalItems()).isEqualTo(2);
        assertThat(secondPage.items()).extracting(DueItem::instrumentId).containsExactly(soon);
    }

    @Test
    void rejectsANegativeHorizon() {
        LocalDate today = LocalDate.of(2026, 11, 1);
        assertThatThrownBy(() -> DueFilter.province(today, today.minusDays(1))).isInstanceOfSatisfying(
                ScheduleInputException.class, e -> assertThat(e.field()).isEqualTo("within"));
    }

    @Test
    void aStandardIsOverdueFromTheDayAfterItsEquipmentExpiresAsOfAnyDate() {
        long std = f.standard("STD-2");
        long a = f.instrument(f.institute, f.caliper, std, null);
        long b = f.instrument(f.institute, f.caliper, std, null);
        f.calibrate(a, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 10), "APPROVED", "P");
        f.calibrate(b, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 6, 1), "APPROVED", "P");
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2024, 12, 1)))
                .as("before its first calibration the equipment was not in calibration").isTrue();
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2025, 6, 1))).isFalse();
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2026, 1, 10))).isFalse();
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2026, 1, 11))).isTrue();
        f.calibrate(a, LocalDate.of(2026, 1, 20), LocalDate.of(2027, 1, 20), "APPROVED", "P");
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2026, 1, 15))).as("as of a past date").isTrue();
        assertThat(f.schedules.isStandardOverdue(std, LocalDate.of(2026, 2, 1))).isFalse();
        assertThat(f.schedules.overdueStandards(List.of(std, f.standard), LocalDate.of(2026, 6, 2))).contains(std);
    }

    @Test
    void listsTheLatestAssessmentCertificateOnlyWhenItExpires() {
        f.certificate(f.standard, "CERT-OLD", LocalDate.of(2018, 1, 1), LocalDate.of(2022, 1, 1));
        f.certificate(f.standard, "CERT-NEW", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(f.schedules.expiringCertificates(LocalDate.of(2026, 11, 30), Optional.of(f.institute))).isEmpty();
        assertThat(f.schedules.expiringCertificates(LocalDate.of(2027, 1, 31), Optional.of(f.institute)))
                .extracting(ExpiringCertificate::certificateNo).containsExactly("CERT-NEW");
    }

    @Test
    void refreshRebuildsTheScheduleFromTheCalibrations() {
        long i = f.instrument(f.fzLab, f.thermometer);
        f.calibrate(i, LocalDate.of(2026, 1, 5), null, "APPROVED", "P");
        f.schedules.refreshStale();
        f.dsl.update(CALIBRATION_SCHEDULE).set(CALIBRATION_SCHEDULE.DUE_ON, LocalDate.of(2000, 1, 1))
                .where(CALIBRATION_SCHEDULE.INSTRUMENT_ID.eq(i)).execute();
        assertThat(f.schedules.refreshStale()).as("nothing marked: a hand edit is not seen").isZero();
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(f.schedules.refreshAll()).isGreaterThanOrEqualTo(1);
        assertThat(dueOn(i)).isEqualTo(LocalDate.of(2026, 7, 5));
        assertThat(f.dsl.fetchCount(CALIBRATION)).isPositive();
    }
}
