package org.metrolims.calibration.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.schedule.ScheduleFixture;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.NotFound;

class IntervalAnalysesTest {

    static ScheduleFixture f;
    static IntervalAnalyses analyses;
    static long lastInstrument;

    /** 40 calipers calibrated yearly three times: 80 returns after 365 days, 8 of them out of tolerance. */
    @BeforeAll
    static void history() {
        f = new ScheduleFixture(TestDatabase.newSchema(IntervalAnalysesTest.class).dsl());
        analyses = new IntervalAnalyses(new IntervalHistoryRepository(f.dsl), f.schedules, new AuditTrail(f.dsl));
        int out = 0;
        for (int k = 0; k < 40; k++) {
            long i = f.instrument(f.xmLab, f.caliper);
            f.calibrate(i, LocalDate.of(2021, 1, 1), null, "APPROVED", "P", "IN_TOLERANCE");
            f.calibrate(i, LocalDate.of(2022, 1, 1), null, "APPROVED", "P", out++ < 4 ? "OUT_OF_TOLERANCE" : "IN_TOLERANCE");
            f.calibrate(i, LocalDate.of(2023, 1, 1), null, "APPROVED", "P", k >= 36 ? "OUT_OF_TOLERANCE" : "IN_TOLERANCE");
            f.calibrate(i, LocalDate.of(2023, 6, 1), null, "DRAFT", "P", "OUT_OF_TOLERANCE");
            lastInstrument = i;
        }
    }

    @Test
    void analysesTheTypesHistoryAndRecommendsWholeMonthsOnTheSafeSide() {
        IntervalReport report = analyses.analyse(f.caliper, 0.95);
        assertThat(report.analysis().results()).isEqualTo(80);
        assertThat(report.analysis().outOfTolerance()).isEqualTo(8);
        assertThat(report.bins()).singleElement().satisfies(b -> {
            assertThat(b.months()).isEqualTo(12);
            assertThat(b.observedReliability()).isCloseTo(0.9, within(1e-12));
        });
        // one interval (365 d): exponential closed form t* = 365 ln 0.95 / ln 0.9 = 177.70 d = 5.84 months → 5
        assertThat(report.analysis().source()).isEqualTo(IntervalAnalysis.Source.EXPONENTIAL_FIT);
        assertThat(report.analysis().exponential().orElseThrow().recommendedInterval()).isCloseTo(177.6958, within(1e-3));
        assertThat(report.recommendedMonths()).hasValue(5);
        assertThat(report.analysis().warnings()).contains(IntervalAnalysis.Warning.ONE_INTERVAL_ONLY);
    }

    @Test
    void anAcceptedRecommendationSetsTheTypesIntervalMovesDueDatesAndIsAudited() {
        long type = f.thermometer;
        // a second type with the same history shape, so the first test's type stays at 12 months
        f.dsl.update(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).where(INSTRUMENT_TYPE.ID.eq(type)).execute();
        long last = 0;
        // 40 results (an analysis needs at least 30 to propose anything), 8 of them out of tolerance
        for (int k = 0; k < 40; k++) {
            last = f.instrument(f.fzLab, type);
            f.calibrate(last, LocalDate.of(2022, 1, 1), null, "APPROVED", "P", "IN_TOLERANCE");
            f.calibrate(last, LocalDate.of(2023, 1, 1), null, "APPROVED", "P", k < 8 ? "OUT_OF_TOLERANCE" : "IN_TOLERANCE");
        }
        analyses.decide(type, IntervalAnalyses.Decision.REJECTED, "wait for another year of data", "tech");
        assertThat(f.schedules.typeInterval(type)).hasValue(12);
        IntervalReport after = analyses.decide(type, IntervalAnalyses.Decision.ACCEPTED, "agreed by the lab", "tech");
        // 32 of 40 in after 365 d: t* = 365 ln 0.95 / ln 0.8 = 83.90 d = 2.76 months → 2
        assertThat(after.currentMonths()).isEqualTo(2);
        assertThat(after.decisions()).extracting(IntervalDecision::decision).containsExactly("ACCEPTED", "REJECTED");
        f.schedules.refreshStale();
        assertThat(f.dsl.select(CALIBRATION_SCHEDULE.DUE_ON).from(CALIBRATION_SCHEDULE)
                .where(CALIBRATION_SCHEDULE.INSTRUMENT_ID.eq(last)).fetchSingle(CALIBRATION_SCHEDULE.DUE_ON)).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(f.dsl.select(AUDIT_EVENT.ACTION, AUDIT_EVENT.REASON).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("instrument_type").and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(type))))
                .orderBy(AUDIT_EVENT.ID).fetch(r -> r.get(AUDIT_EVENT.ACTION) + ":" + r.get(AUDIT_EVENT.REASON)))
                .containsExactly("INTERVAL_REJECTED:wait for another year of data", "INTERVAL_ACCEPTED:agreed by the lab");
    }

    @Test
    void anUnknownTypeIsNotFound() {
        assertThatThrownBy(() -> analyses.analyse(999_999, 0.95)).isInstanceOf(NotFound.class);
    }
}
