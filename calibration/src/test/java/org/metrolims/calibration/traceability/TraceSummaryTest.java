package org.metrolims.calibration.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/**
 * The maintained summary follows every kind of change the triggers mark, recomputing the marked standards and the
 * ones downstream as far as verdicts change, and always equals both a rebuild from the whole graph and the chain
 * analysis itself, day by day. A three-level province built by hand: P (provincial, calibrated by NIM), C (city,
 * calibrated with P) and K (county, calibrated with C), each with one item of equipment.
 */
class TraceSummaryTest {

    static final String NIM = "中国计量科学研究院";

    final DSLContext dsl = TestDatabase.newSchema(TraceSummaryTest.class).dsl();
    final TraceabilityRepository graphs = new TraceabilityRepository(dsl);
    final TraceSummaryRepository stored = new TraceSummaryRepository(dsl);
    final TraceSummary summary = new TraceSummary(graphs, stored);

    long province, city, county, institute, reviewer, quantity, discipline, type;
    long p, c, k, pItem, cItem, kItem;
    int numbers;

    @Test
    void theSummaryFollowsCalibrationsWithdrawalsSuspensionsAndUncertaintyChangesDownTheChain() {
        province();
        long pFirst = calibrate(pItem, day(2024, 1, 10), day(2025, 1, 9), List.of(), true);
        long pSecond = calibrate(pItem, day(2025, 1, 5), day(2026, 1, 4), List.of(), true);
        calibrate(cItem, day(2024, 3, 1), day(2025, 2, 28), List.of(p), false);
        calibrate(cItem, day(2025, 3, 1), day(2026, 2, 28), List.of(p), false);
        calibrate(kItem, day(2024, 6, 1), day(2025, 5, 31), List.of(c), false);
        assertThat(pFirst).isPositive();

        summary.refresh();
        assertThat(complete(p)).containsExactly(range(day(2024, 1, 10), day(2026, 1, 4)));
        assertThat(complete(c)).containsExactly(range(day(2024, 3, 1), day(2026, 2, 28)));
        assertThat(complete(k)).containsExactly(range(day(2024, 6, 1), day(2025, 5, 31)));
        assertThat(counts(c)).containsExactly(range(day(2020, 1, 1), day(2029, 12, 31)));
        agreesWithTheWholeGraph();

        // a new calibration of K, entered as a draft with its reference and then approved: only K changes
        long kSecond = calibrate(kItem, day(2025, 5, 20), day(2026, 5, 19), List.of(c), false, "DRAFT");
        assertThat(summary.refresh().recomputed()).as("a draft marks nothing it counts on").isLessThanOrEqualTo(1);
        assertThat(complete(k)).containsExactly(range(day(2024, 6, 1), day(2025, 5, 31)));
        dsl.update(CALIBRATION).set(CALIBRATION.STATUS, "APPROVED").where(CALIBRATION.ID.eq(kSecond)).execute();
        TraceSummary.Refresh approved = summary.refresh();
        assertThat(approved.recomputed()).as("K only: nothing is calibrated with K").isEqualTo(1);
        assertThat(complete(k)).containsExactly(range(day(2024, 6, 1), day(2026, 5, 19)));
        agreesWithTheWholeGraph();

        // P's second calibration withdrawn: P ends early, C's calibration done with P after that breaks, then K's
        dsl.update(CALIBRATION).set(CALIBRATION.STATUS, "WITHDRAWN").where(CALIBRATION.ID.eq(pSecond)).execute();
        TraceSummary.Refresh withdrawn = summary.refresh();
        assertThat(withdrawn.recomputed()).as("P, then C, then K").isEqualTo(3);
        assertThat(complete(p)).containsExactly(range(day(2024, 1, 10), day(2025, 1, 9)));
        assertThat(complete(c)).containsExactly(range(day(2024, 3, 1), day(2025, 2, 28)));
        assertThat(complete(k)).containsExactly(range(day(2024, 6, 1), day(2025, 5, 19)));
        agreesWithTheWholeGraph();

        // C suspended over the day K was calibrated with it, then reinstated: C counts in two runs, K's chain breaks
        status(c, "SUSPENDED", day(2024, 5, 1));
        status(c, "ACTIVE", day(2024, 7, 1));
        summary.refresh();
        assertThat(counts(c)).containsExactly(range(day(2020, 1, 1), day(2024, 4, 30)),
                range(day(2024, 7, 1), day(2029, 12, 31)));
        assertThat(complete(c)).as("its own chain does not depend on its status")
                .containsExactly(range(day(2024, 3, 1), day(2025, 2, 28)));
        assertThat(complete(k)).isEmpty();
        agreesWithTheWholeGraph();

        // P's uncertainty now larger than C's: the uncertainty shrinks going down, so C's chain breaks too
        dsl.update(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.05"))
                .where(MEASUREMENT_STANDARD.ID.eq(p)).execute();
        summary.refresh();
        assertThat(complete(p)).containsExactly(range(day(2024, 1, 10), day(2025, 1, 9)));
        assertThat(complete(c)).isEmpty();
        agreesWithTheWholeGraph();

        // K's item moved out of its equipment: K has no equipment, so no chain
        dsl.update(INSTRUMENT).setNull(INSTRUMENT.MEASUREMENT_STANDARD_ID).where(INSTRUMENT.ID.eq(kItem)).execute();
        summary.refresh();
        assertThat(complete(k)).isEmpty();
        assertThat(counts(k)).containsExactly(range(day(2020, 1, 1), day(2029, 12, 31)));
        agreesWithTheWholeGraph();
    }

    @Test
    void aRefreshWithNothingMarkedReadsNothingAndMarksLeftMeanwhileStayForTheNext() {
        province();
        calibrate(pItem, day(2024, 1, 10), day(2025, 1, 9), List.of(), true);
        assertThat(summary.refresh().marks()).isPositive();
        assertThat(summary.refresh()).isEqualTo(new TraceSummary.Refresh(0, 0, false));
        calibrate(cItem, day(2024, 3, 1), day(2025, 2, 28), List.of(p), false);
        assertThat(stored.changes()).isNotEmpty();
        assertThat(summary.refresh().recomputed()).isEqualTo(1);
        assertThat(stored.changes()).isEmpty();
        assertThat(complete(c)).containsExactly(range(day(2024, 3, 1), day(2025, 2, 28)));
    }

    @Test
    void aNationalPrimaryStandardIsCompleteOnEveryDay() {
        province();
        long national = standard("NAT-1", "NATIONAL", province, "0.0001");
        summary.refresh();
        assertThat(complete(national)).containsExactly(range(LocalDate.MIN, LocalDate.MAX));
        assertThat(stored.overlapping(day(1999, 1, 1), day(1999, 1, 1))).containsKey(national);
    }

    /** The stored summary equals a rebuild from the whole graph, and the chain analysis on each day. */
    private void agreesWithTheWholeGraph() {
        Map<Long, StandardTrace> maintained = stored.all();
        summary.rebuild();
        assertThat(stored.all()).as("maintained vs rebuilt").isEqualTo(maintained);
        TraceGraph graph = graphs.graphAsOf(TraceSummary.LAST_DAY);
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        for (LocalDate day = day(2023, 12, 1); day.isBefore(day(2027, 1, 1)); day = day.plusDays(3)) {
            for (long s : List.of(p, c, k)) {
                StandardTrace t = maintained.getOrDefault(s, new StandardTrace(s, List.of(), List.of()));
                assertThat(t.completeOn(day)).as(s + " complete on " + day).isEqualTo(analyzer.complete(s, day));
                assertThat(t.countsOn(day)).as(s + " counts on " + day)
                        .isEqualTo(graph.standard(s).orElseThrow().countsOn(day));
            }
        }
    }

    private List<DayRange> complete(long standard) {
        return stored.traces(List.of(standard)).getOrDefault(standard, new StandardTrace(standard, List.of(), List.of()))
                .complete();
    }

    private List<DayRange> counts(long standard) {
        return stored.traces(List.of(standard)).getOrDefault(standard, new StandardTrace(standard, List.of(), List.of()))
                .counts();
    }

    private static DayRange range(LocalDate from, LocalDate until) {
        return new DayRange(from, until);
    }

    private static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private void province() {
        province = region("350000", "PROVINCE", null);
        city = region("350100", "CITY", province);
        county = region("350102", "COUNTY", city);
        institute = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "FJIM").set(ORGANIZATION.NAME_ZH, "福建计量院")
                .set(ORGANIZATION.NAME_EN, "FJIM").set(ORGANIZATION.KIND, "INSTITUTE").set(ORGANIZATION.REGION_ID, province)
                .returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
        reviewer = dsl.insertInto(org.metrolims.db.jooq.Tables.APP_USER)
                .set(org.metrolims.db.jooq.Tables.APP_USER.USERNAME, "reviewer")
                .set(org.metrolims.db.jooq.Tables.APP_USER.PASSWORD_HASH, "x")
                .set(org.metrolims.db.jooq.Tables.APP_USER.DISPLAY_NAME, "reviewer")
                .set(org.metrolims.db.jooq.Tables.APP_USER.ORGANIZATION_ID, institute)
                .returningResult(org.metrolims.db.jooq.Tables.APP_USER.ID)
                .fetchOne(org.metrolims.db.jooq.Tables.APP_USER.ID);
        discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "MECHANICS").set(DISCIPLINE.NAME_ZH, "力学")
                .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 1)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
        quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "MASS")
                .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
        type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "WEIGHT").set(INSTRUMENT_TYPE.NAME_ZH, "砝码")
                .set(INSTRUMENT_TYPE.NAME_EN, "Weight").set(INSTRUMENT_TYPE.QUANTITY_ID, quantity)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).returningResult(INSTRUMENT_TYPE.ID).fetchOne(INSTRUMENT_TYPE.ID);
        p = standard("P-1", "PROVINCIAL_PUBLIC", province, "0.001");
        c = standard("C-1", "CITY_PUBLIC", city, "0.01");
        k = standard("K-1", "COUNTY_PUBLIC", county, "0.1");
        pItem = item(p);
        cItem = item(c);
        kItem = item(k);
    }

    private long region(String code, String level, Long parent) {
        return dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME_ZH, code).set(REGION.NAME_EN, code)
                .set(REGION.LEVEL, level).set(REGION.PARENT_ID, parent).returningResult(REGION.ID).fetchOne(REGION.ID);
    }

    private long standard(String code, String level, long region, String u) {
        long id = dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, code)
                .set(MEASUREMENT_STANDARD.NAME_ZH, code).set(MEASUREMENT_STANDARD.NAME_EN, code)
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                .set(MEASUREMENT_STANDARD.LEVEL, level).set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, region).set(MEASUREMENT_STANDARD.UNIT, "kg")
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal(u))
                .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE").set(MEASUREMENT_STANDARD.ESTABLISHED_ON, day(2020, 1, 1))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchOne(MEASUREMENT_STANDARD.ID);
        status(id, "ACTIVE", day(2020, 1, 1));
        dsl.insertInto(STANDARD_ASSESSMENT_CERTIFICATE).set(STANDARD_ASSESSMENT_CERTIFICATE.STANDARD_ID, id)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.CERTIFICATE_NO, "CERT-" + code)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUED_ON, day(2020, 1, 1))
                .set(STANDARD_ASSESSMENT_CERTIFICATE.EXPIRES_ON, day(2029, 12, 31))
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUER, "福建省市场监督管理局").execute();
        return id;
    }

    private void status(long standard, String status, LocalDate from) {
        dsl.insertInto(MEASUREMENT_STANDARD_STATUS).set(MEASUREMENT_STANDARD_STATUS.STANDARD_ID, standard)
                .set(MEASUREMENT_STANDARD_STATUS.STATUS, status).set(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM, from)
                .set(MEASUREMENT_STANDARD_STATUS.RECORDED_BY, "test").execute();
    }

    private long item(long standard) {
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, institute)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MEASUREMENT_STANDARD_ID, standard)
                .set(INSTRUMENT.MANUFACTURER, "Mettler").set(INSTRUMENT.MODEL, "E1").set(INSTRUMENT.SERIAL_NO, "S" + standard)
                .set(INSTRUMENT.UNIT, "kg").returningResult(INSTRUMENT.ID).fetchOne(INSTRUMENT.ID);
    }

    private long calibrate(long item, LocalDate on, LocalDate until, List<Long> references, boolean byNim) {
        return calibrate(item, on, until, references, byNim, "APPROVED");
    }

    private long calibrate(long item, LocalDate on, LocalDate until, List<Long> references, boolean byNim,
            String status) {
        var insert = dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "T-" + (++numbers))
                .set(CALIBRATION.INSTRUMENT_ID, item).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute)
                .set(CALIBRATION.PROCEDURE_CODE, "JJG 99-2006").set(CALIBRATION.CALIBRATED_ON, on)
                .set(CALIBRATION.VALID_UNTIL, until).set(CALIBRATION.STATUS, status);
        insert = byNim ? insert.set(CALIBRATION.EXTERNAL_ISSUER, NIM).set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-" + numbers)
                : insert.set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.REVIEWER_ID, reviewer)
                        .set(CALIBRATION.APPROVED_AT, java.time.Instant.parse("2024-01-01T09:00:00Z"));
        long id = insert.returningResult(CALIBRATION.ID).fetchOne(CALIBRATION.ID);
        for (long r : references) {
            dsl.insertInto(CALIBRATION_REFERENCE_STANDARD).set(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID, id)
                    .set(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID, r).execute();
        }
        return id;
    }
}
