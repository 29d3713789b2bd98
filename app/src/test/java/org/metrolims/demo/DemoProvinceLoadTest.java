package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.metrolims.demo.DemoFixtures.ANCHOR;
import static org.metrolims.demo.DemoFixtures.SEED;
import static org.metrolims.demo.DemoFixtures.SMALL;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTALLATION_FACT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_READING;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_COMPONENT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.demo.DemoRows.DeliberateGap;
import org.metrolims.demo.DemoRows.GapKind;
import org.metrolims.calibration.decision.Decision;
import org.metrolims.calibration.decision.DecisionRule;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.decision.ToleranceInterval;
import org.metrolims.calibration.uncertainty.EvaluatedUncertainty;
import org.metrolims.calibration.uncertainty.UncertaintyBudget;
import org.metrolims.calibration.uncertainty.UncertaintyComponent;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.jooq.tables.AppUser;
import org.metrolims.db.jooq.tables.Calibration;
import org.metrolims.db.jooq.tables.Instrument;
import org.metrolims.db.jooq.tables.MeasurementStandard;
import org.metrolims.db.jooq.tables.Region;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** A small demo province loaded into a real MariaDB, read back as the application would see it. */
class DemoProvinceLoadTest {

    static DSLContext dsl;
    static List<DeliberateGap> gaps;

    @BeforeAll
    static void loadSmallProvince() {
        dsl = DemoFixtures.dsl(TestDatabase.newSchema(DemoProvinceLoadTest.class));
        assertThat(DemoFixtures.loader(dsl, true, SEED, SMALL).loadIfEmpty()).isTrue();
        gaps = DemoProvince.generate(SEED, SMALL, ANCHOR, "unused").deliberateGaps();
    }

    @Test
    void buildsTheFujianRegionTreeWithRealCodes() {
        assertThat(dsl.fetchCount(REGION, REGION.LEVEL.eq("PROVINCE"))).isEqualTo(1);
        assertThat(dsl.fetchCount(REGION, REGION.LEVEL.eq("CITY"))).isEqualTo(9);
        assertThat(dsl.fetchCount(REGION, REGION.LEVEL.eq("COUNTY"))).isBetween(80, 90);
        assertThat(parentCodeOf("350200")).isEqualTo("350000");
        assertThat(nameOf("350200")).isEqualTo("厦门市");
        assertThat(parentCodeOf("350128")).isEqualTo("350100");
        assertThat(nameOf("350128")).isEqualTo("平潭县");
        assertThat(parentCodeOf("350982")).isEqualTo("350900");
        // GB/T 2260: a county's code begins with its city's four digits
        Region county = REGION.as("county");
        Region city = REGION.as("city");
        assertThat(dsl.fetchCount(dsl.select().from(county).join(city).on(county.PARENT_ID.eq(city.ID))
                .where(county.LEVEL.eq("COUNTY"))
                .and(county.CODE.substring(1, 4).ne(city.CODE.substring(1, 4))))).isZero();
    }

    @Test
    void hasEveryFixedDemoUserWithItsRoleAndTheDemoPassword() {
        Map<String, String> roles = Map.of("admin", "ADMIN", "officer", "OFFICER", "tech", "TECHNICIAN",
                "reviewer", "TECHNICIAN", "lab1", "LAB", "lab2", "LAB");
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        roles.forEach((username, role) -> {
            var user = dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle();
            assertThat(dsl.fetch(USER_ROLE, USER_ROLE.USER_ID.eq(user.getId())).getValues(USER_ROLE.ROLE))
                    .as(username).containsExactly(role);
            assertThat(encoder.matches("demo2026", user.getPasswordHash())).as(username).isTrue();
            assertThat(encoder.matches("demo2025", user.getPasswordHash())).as(username).isFalse();
            assertThat(user.getEmail()).isEqualTo(username + "@example.org");
        });
        assertThat(organizationCodeOf("admin")).isEqualTo("FJ-AMR");
        assertThat(organizationCodeOf("officer")).isEqualTo("FJ-AMR");
        assertThat(organizationCodeOf("tech")).isEqualTo("FJIM");
        assertThat(organizationCodeOf("reviewer")).isEqualTo("FJIM");
        assertThat(organizationCodeOf("lab1")).isNotEqualTo(organizationCodeOf("lab2"));
        assertThat(dsl.fetchCount(ORGANIZATION, ORGANIZATION.CODE.in(organizationCodeOf("lab1"),
                organizationCodeOf("lab2")).and(ORGANIZATION.KIND.eq("ACCREDITED_LAB")))).isEqualTo(2);
    }

    @Test
    void givesEveryAccreditedLabACnasNumberAndItsOwnLabUser() {
        assertThat(dsl.fetchCount(ORGANIZATION, ORGANIZATION.KIND.eq("ACCREDITED_LAB")
                .and(ORGANIZATION.ACCREDITATION_NUMBER.likeRegex("^CNAS L[0-9]{4,5}$")))).isEqualTo(20);
        assertThat(dsl.fetchCount(ORGANIZATION, ORGANIZATION.KIND.eq("ACCREDITED_LAB")
                .and(notExists(selectOne().from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                        .where(APP_USER.ORGANIZATION_ID.eq(ORGANIZATION.ID)).and(USER_ROLE.ROLE.eq("LAB")))))).isZero();
        assertThat(dsl.fetchCount(ORGANIZATION_SCOPE.join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(ORGANIZATION_SCOPE.ORGANIZATION_ID)), ORGANIZATION.KIND.eq("ACCREDITED_LAB")))
                .isGreaterThanOrEqualTo(40);
    }

    @Test
    void hasEveryCalibrationReviewedByASecondPersonOfThePerformingInstitute() {
        Calibration c = CALIBRATION;
        AppUser technician = APP_USER.as("technician");
        AppUser reviewer = APP_USER.as("reviewer");
        assertThat(dsl.fetchCount(c, c.PERFORMING_ORGANIZATION_ID.isNotNull())).isGreaterThan(1000);
        assertThat(dsl.fetchCount(c, c.REVIEWER_ID.eq(c.TECHNICIAN_ID))).isZero();
        assertThat(dsl.fetchCount(c, c.PERFORMING_ORGANIZATION_ID.isNotNull().and(c.TECHNICIAN_ID.isNull()))).isZero();
        assertThat(dsl.fetchCount(dsl.select().from(c).join(technician).on(technician.ID.eq(c.TECHNICIAN_ID))
                .where(technician.ORGANIZATION_ID.ne(c.PERFORMING_ORGANIZATION_ID)))).isZero();
        assertThat(dsl.fetchCount(dsl.select().from(c).join(reviewer).on(reviewer.ID.eq(c.REVIEWER_ID))
                .where(reviewer.ORGANIZATION_ID.ne(c.PERFORMING_ORGANIZATION_ID)))).isZero();
        assertThat(dsl.fetchCount(c, c.STATUS.eq("APPROVED").and(c.APPROVED_AT.isNull()))).isZero();
        assertThat(dsl.fetchCount(c, c.STATUS.eq("APPROVED").and(c.PERFORMING_ORGANIZATION_ID.isNotNull())
                .and(c.REVIEWER_ID.isNull()))).isZero();
        assertThat(dsl.fetchCount(c, c.STATUS.eq("APPROVED"))).isGreaterThan(dsl.fetchCount(c) * 95 / 100);
        assertThat(dsl.fetchCount(c, c.STATUS.in("DRAFT", "SUBMITTED")
                .and(c.CALIBRATED_ON.lt(ANCHOR.minusDays(14))))).isZero();
    }

    @Test
    void hasCalibrationsDoneOnlyByInstitutesWithTheDisciplineInScope() {
        Calibration c = CALIBRATION;
        assertThat(dsl.fetchCount(dsl.select().from(c)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(c.INSTRUMENT_ID))
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(INSTRUMENT.INSTRUMENT_TYPE_ID))
                .join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                .where(c.PERFORMING_ORGANIZATION_ID.isNotNull())
                .and(notExists(selectOne().from(ORGANIZATION_SCOPE)
                        .where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(c.PERFORMING_ORGANIZATION_ID))
                        .and(ORGANIZATION_SCOPE.DISCIPLINE_ID.eq(QUANTITY.DISCIPLINE_ID)))))).isZero();
        assertThat(dsl.fetchCount(dsl.select().from(c).join(INSTRUMENT).on(INSTRUMENT.ID.eq(c.INSTRUMENT_ID))
                .where(c.CUSTOMER_ORGANIZATION_ID.ne(INSTRUMENT.OWNER_ORGANIZATION_ID)))).isZero();
        assertThat(dsl.fetchCount(c, c.VALID_UNTIL.isNotNull().and(c.VALID_UNTIL.le(c.CALIBRATED_ON)))).isZero();
    }

    @Test
    void decidesEveryPointAsTheApplicationsDecisionRulesDoAndSumsThePointsUp() {
        var p = MEASUREMENT_POINT;
        var points = dsl.select(p.NOMINAL, p.MEAN_READING, p.EXPANDED_UNCERTAINTY, p.COVERAGE_FACTOR, p.TOLERANCE,
                        p.TOLERANCE_UNIT, p.UNIT, p.DECISION_RULE, p.GUARD_BAND_MULTIPLIER, p.GUARD_BAND, p.VERDICT,
                        p.CONFORMITY, p.ACCEPTANCE_LOWER, p.ACCEPTANCE_UPPER)
                .from(p).where(p.TOLERANCE.isNotNull()).fetch();
        assertThat(points).isNotEmpty();
        assertThat(points).allSatisfy(r -> {
            // what the application decides from the stored numbers
            Decision decision = DecisionRule.of(DecisionRuleCode.valueOf(r.get(p.DECISION_RULE)),
                            r.get(p.GUARD_BAND_MULTIPLIER).doubleValue())
                    .decide(r.get(p.MEAN_READING).doubleValue(), r.get(p.EXPANDED_UNCERTAINTY).doubleValue(),
                            r.get(p.COVERAGE_FACTOR).doubleValue(),
                            ToleranceInterval.symmetric(r.get(p.NOMINAL).doubleValue(), r.get(p.TOLERANCE).doubleValue()));
            assertThat(r.get(p.VERDICT)).isEqualTo(decision.verdict().name());
            assertThat(r.get(p.GUARD_BAND).doubleValue()).isEqualTo(decision.guardBand());
            assertThat(r.get(p.ACCEPTANCE_UPPER).doubleValue()).isCloseTo(decision.acceptanceUpper(),
                    offset(1e-9 * Math.abs(decision.acceptanceUpper()) + 1e-12));
            assertThat(r.get(p.CONFORMITY)).isEqualTo(switch (decision.verdict()) {
                case PASS -> "PASS";
                case FAIL -> "FAIL";
                case CONDITIONAL_PASS, CONDITIONAL_FAIL -> "INDETERMINATE";
            });
            assertThat(r.get(p.TOLERANCE_UNIT)).isEqualTo(r.get(p.UNIT));
        });
        assertThat(points.getValues(p.DECISION_RULE)).contains("SIMPLE_ACCEPTANCE", "GUARDED_ACCEPTANCE_W_EQ_U");
        assertThat(points.getValues(p.VERDICT)).contains("PASS", "FAIL");
        // a calibration fails when a point fails, else is indeterminate when one is
        Calibration c = CALIBRATION;
        assertThat(dsl.fetchCount(c, c.CONFORMITY.ne("FAIL").and(exists(selectOne().from(p)
                .where(p.CALIBRATION_ID.eq(c.ID)).and(p.CONFORMITY.eq("FAIL")))))).isZero();
        assertThat(dsl.fetchCount(c, c.CONFORMITY.eq("FAIL").and(notExists(selectOne().from(p)
                .where(p.CALIBRATION_ID.eq(c.ID)).and(p.CONFORMITY.eq("FAIL")))))).isZero();
        assertThat(dsl.fetchCount(c, c.CONFORMITY.eq("PASS").and(exists(selectOne().from(p)
                .where(p.CALIBRATION_ID.eq(c.ID)).and(p.CONFORMITY.ne("PASS")))))).isZero();
        // entered, then submitted, then approved
        assertThat(dsl.fetchCount(c, c.SUBMITTED_AT.coerce(c.CREATED_AT).lt(c.CREATED_AT).or(c.APPROVED_AT.lt(c.SUBMITTED_AT)))).isZero();
        assertThat(dsl.fetchCount(c, c.STATUS.eq("SUBMITTED").and(c.SUBMITTED_AT.isNull()))).isZero();
    }

    @Test
    void recentPointsCarryReadingsAndABudgetWhoseEvaluationGivesBackTheirStatedUncertainty() {
        var p = MEASUREMENT_POINT;
        var r = MEASUREMENT_READING;
        var u = UNCERTAINTY_COMPONENT;
        Map<Long, List<java.math.BigDecimal>> readings = dsl.select(r.POINT_ID, r.VALUE).from(r).orderBy(r.POINT_ID, r.SEQ)
                .fetchGroups(r.POINT_ID, r.VALUE);
        var budgets = dsl.selectFrom(u).orderBy(u.POINT_ID, u.SEQ).fetchGroups(u.POINT_ID);
        var measured = dsl.select(p.ID, p.MEAN_READING, p.STANDARD_DEVIATION, p.COMBINED_UNCERTAINTY, p.EFFECTIVE_DOF,
                        p.EXPANDED_UNCERTAINTY, p.COVERAGE_FACTOR, CALIBRATION.CALIBRATED_ON)
                .from(p).join(CALIBRATION).on(CALIBRATION.ID.eq(p.CALIBRATION_ID))
                .where(p.STANDARD_DEVIATION.isNotNull()).fetch();
        assertThat(measured).hasSizeGreaterThan(100);
        assertThat(readings.keySet()).containsExactlyInAnyOrderElementsOf(measured.getValues(p.ID));
        assertThat(budgets.keySet()).containsExactlyInAnyOrderElementsOf(measured.getValues(p.ID));
        // the rest are results with mean and U only: no readings, no s
        assertThat(dsl.fetchCount(p, p.STANDARD_DEVIATION.isNull())).isPositive();
        for (var point : measured) {
            assertThat(point.get(CALIBRATION.CALIBRATED_ON)).isAfter(ANCHOR.minusDays(DemoProvince.READINGS_DAYS));
            List<java.math.BigDecimal> values = readings.get(point.get(p.ID));
            assertThat(values).hasSize(5);
            // the stored mean is the readings' mean, exactly
            assertThat(values.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                    .divide(java.math.BigDecimal.valueOf(5))).isEqualByComparingTo(point.get(p.MEAN_READING));
            var lines = budgets.get(point.get(p.ID));
            assertThat(lines.stream().map(c -> c.getName()).toList()).containsExactly("repeatability", "reference standard");
            // the application's own evaluation of what is stored gives back s, u_c, k and U
            UncertaintyComponent typeA = UncertaintyComponent.typeA("repeatability",
                    values.stream().mapToDouble(java.math.BigDecimal::doubleValue).toArray());
            var reference = lines.get(1);
            EvaluatedUncertainty evaluated = new UncertaintyBudget(List.of(typeA, UncertaintyComponent.normal(
                    reference.getName(), reference.getExpandedUncertainty().doubleValue(),
                    reference.getCoverageFactor().doubleValue())), List.of(), 0.9545).evaluate();
            double stated = point.get(p.EXPANDED_UNCERTAINTY).doubleValue();
            assertThat(typeA.typeA().standardDeviation())
                    .isCloseTo(point.get(p.STANDARD_DEVIATION).doubleValue(), offset(1e-12));
            assertThat(evaluated.combinedStandardUncertainty())
                    .isCloseTo(point.get(p.COMBINED_UNCERTAINTY).doubleValue(), offset(1e-9 * stated + 1e-12));
            assertThat(evaluated.coverageFactor()).isCloseTo(point.get(p.COVERAGE_FACTOR).doubleValue(), offset(5e-4));
            assertThat(evaluated.report(point.get(p.MEAN_READING).doubleValue()).expandedUncertainty())
                    .isEqualByComparingTo(point.get(p.EXPANDED_UNCERTAINTY));
        }
    }

    @Test
    void givesEveryCalibrationOneToFivePointsNumberedFromOne() {
        var perCalibration = dsl.select(MEASUREMENT_POINT.CALIBRATION_ID, count(), min(MEASUREMENT_POINT.SEQ),
                        max(MEASUREMENT_POINT.SEQ))
                .from(MEASUREMENT_POINT).groupBy(MEASUREMENT_POINT.CALIBRATION_ID).fetch();
        assertThat(perCalibration).hasSize(dsl.fetchCount(CALIBRATION));
        assertThat(perCalibration).allSatisfy(r -> {
            assertThat(r.value2()).isBetween(1, 5);
            assertThat(r.value3()).isEqualTo(1);
            assertThat(r.value4()).isEqualTo(r.value2());
        });
        assertThat(dsl.fetchCount(MEASUREMENT_POINT, MEASUREMENT_POINT.COVERAGE_FACTOR.ne(new java.math.BigDecimal("2"))))
                .isZero();
    }

    @Test
    void endsEveryProvincialStandardsEquipmentInAnExternalRootCalibration() {
        Result<Record1<Long>> provincial = dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.LEVEL.eq("PROVINCIAL_PUBLIC")).and(MEASUREMENT_STANDARD.STATUS.eq("ACTIVE"))
                .fetch();
        assertThat(provincial).isNotEmpty();
        for (Record1<Long> standard : provincial) {
            for (Long instrument : equipmentOf(standard.value1())) {
                var last = latestCalibrationOf(instrument);
                assertThat(last.getPerformingOrganizationId()).isNull();
                assertThat(last.getExternalIssuer()).isNotBlank();
                assertThat(last.getExternalCertificateNo()).isNotBlank();
                assertThat(last.getExternalCmcReference()).startsWith("CIPM MRA");
            }
        }
        // and only they are calibrated outside the province
        assertThat(dsl.fetchCount(dsl.select().from(CALIBRATION).join(INSTRUMENT).on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID))
                .leftJoin(MEASUREMENT_STANDARD).on(MEASUREMENT_STANDARD.ID.eq(INSTRUMENT.MEASUREMENT_STANDARD_ID))
                .where(CALIBRATION.EXTERNAL_ISSUER.isNotNull())
                .and(MEASUREMENT_STANDARD.LEVEL.isNull().or(MEASUREMENT_STANDARD.LEVEL.ne("PROVINCIAL_PUBLIC")))))
                .isZero();
    }

    @Test
    void tiesCityStandardsToValidProvincialStandardsOfTheSameQuantity() {
        MeasurementStandard city = MEASUREMENT_STANDARD.as("city");
        MeasurementStandard reference = MEASUREMENT_STANDARD.as("reference");
        List<String> brokenOnPurpose = gaps.stream().map(DeliberateGap::standardCode).toList();
        var cityStandards = dsl.select(city.ID, city.CODE, city.QUANTITY_ID, city.EXPANDED_UNCERTAINTY).from(city)
                .where(city.LEVEL.eq("CITY_PUBLIC")).and(city.STATUS.eq("ACTIVE")).and(city.CODE.notIn(brokenOnPurpose))
                .fetch();
        assertThat(cityStandards).isNotEmpty();
        for (var s : cityStandards) {
            for (Long instrument : equipmentOf(s.value1())) {
                var last = latestCalibrationOf(instrument);
                assertThat(last.getValidUntil()).as(s.value2()).isAfterOrEqualTo(ANCHOR);
                var references = dsl.select(reference.LEVEL, reference.QUANTITY_ID, reference.EXPANDED_UNCERTAINTY)
                        .from(CALIBRATION_REFERENCE_STANDARD)
                        .join(reference).on(reference.ID.eq(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID))
                        .where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(last.getId())).fetch();
                assertThat(references).as(s.value2()).isNotEmpty().allSatisfy(r -> {
                    assertThat(r.value1()).isEqualTo("PROVINCIAL_PUBLIC");
                    assertThat(r.value2()).isEqualTo(s.value3());
                    assertThat(r.value3()).isLessThan(s.value4());
                });
            }
        }
    }

    @Test
    void leavesTheChainsItBrokeOnPurposeBroken() {
        assertThat(gaps).extracting(DeliberateGap::kind).contains(GapKind.EXPIRED_LINK, GapKind.MISSING_LINK);
        for (DeliberateGap gap : gaps) {
            long standard = dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD)
                    .where(MEASUREMENT_STANDARD.CODE.eq(gap.standardCode())).fetchSingle().value1();
            for (Long instrument : equipmentOf(standard)) {
                var last = latestCalibrationOf(instrument);
                switch (gap.kind()) {
                    case EXPIRED_LINK, EXPIRED_ROOT -> assertThat(last.getValidUntil()).isBefore(ANCHOR);
                    case MISSING_LINK -> assertThat(dsl.fetchCount(CALIBRATION_REFERENCE_STANDARD,
                            CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(last.getId()))).isZero();
                }
            }
            // and no other standard's equipment was calibrated with it
            assertThat(dsl.fetchCount(dsl.select().from(CALIBRATION_REFERENCE_STANDARD)
                    .join(CALIBRATION).on(CALIBRATION.ID.eq(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID))
                    .join(INSTRUMENT).on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID))
                    .where(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID.eq(standard))
                    .and(INSTRUMENT.MEASUREMENT_STANDARD_ID.isNotNull()))).isZero();
        }
    }

    @Test
    void startsEveryStandardsHistoryActiveOnTheDayItWasEstablished() {
        MeasurementStandard s = MEASUREMENT_STANDARD;
        var first = dsl.select(s.ID, s.ESTABLISHED_ON, MEASUREMENT_STANDARD_STATUS.STATUS,
                        MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM)
                .from(s).join(MEASUREMENT_STANDARD_STATUS).on(MEASUREMENT_STANDARD_STATUS.STANDARD_ID.eq(s.ID))
                .where(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM.eq(dsl.select(min(MEASUREMENT_STANDARD_STATUS.as("h").EFFECTIVE_FROM))
                        .from(MEASUREMENT_STANDARD_STATUS.as("h"))
                        .where(MEASUREMENT_STANDARD_STATUS.as("h").STANDARD_ID.eq(s.ID))))
                .fetch();
        assertThat(first).hasSize(dsl.fetchCount(s));
        assertThat(first).allSatisfy(r -> {
            assertThat(r.value3()).isEqualTo("ACTIVE");
            assertThat(r.value4()).isEqualTo(r.value2());
        });
        assertThat(dsl.fetchCount(s, notExists(selectOne().from(STANDARD_ASSESSMENT_CERTIFICATE)
                .where(STANDARD_ASSESSMENT_CERTIFICATE.STANDARD_ID.eq(s.ID))
                .and(STANDARD_ASSESSMENT_CERTIFICATE.ISSUED_ON.eq(s.ESTABLISHED_ON))))).isZero();
        assertThat(dsl.fetchCount(s, s.REGION_ID.ne(dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(s.OWNER_ORGANIZATION_ID))))).isZero();
    }

    @Test
    void recordsTheLoadInInstallationFactsAndOneAuditEvent() {
        assertThat(dsl.fetch(INSTALLATION_FACT).intoMap(INSTALLATION_FACT.NAME, INSTALLATION_FACT.VALUE))
                .containsEntry("demo.seed", "20260101").containsEntry("demo.scale", "0.02")
                .containsEntry("demo.anchor-date", "2026-11-01").containsKey("demo.loaded-at");
        var event = dsl.selectFrom(AUDIT_EVENT).fetchSingle();
        assertThat(event.getActor()).isEqualTo("system");
        assertThat(event.getAction()).isEqualTo("DEMO_LOADED");
        assertThat(event.getAfterState()).contains("\"calibration\":" + dsl.fetchCount(CALIBRATION))
                .contains("\"measurement_point\":" + dsl.fetchCount(MEASUREMENT_POINT));
    }

    private String parentCodeOf(String code) {
        Region child = REGION.as("child");
        return dsl.select(REGION.CODE).from(child).join(REGION).on(REGION.ID.eq(child.PARENT_ID))
                .where(child.CODE.eq(code)).fetchSingle().value1();
    }

    private String nameOf(String code) {
        return dsl.select(REGION.NAME_ZH).from(REGION).where(REGION.CODE.eq(code)).fetchSingle().value1();
    }

    private String organizationCodeOf(String username) {
        return dsl.select(ORGANIZATION.CODE).from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
    }

    private List<Long> equipmentOf(long standardId) {
        Instrument i = INSTRUMENT;
        List<Long> equipment = dsl.select(i.ID).from(i).where(i.MEASUREMENT_STANDARD_ID.eq(standardId)).fetch(i.ID);
        assertThat(equipment).hasSizeBetween(1, 3);
        return equipment;
    }

    private org.metrolims.db.jooq.tables.records.CalibrationRecord latestCalibrationOf(long instrumentId) {
        return dsl.selectFrom(CALIBRATION).where(CALIBRATION.INSTRUMENT_ID.eq(instrumentId))
                .orderBy(CALIBRATION.CALIBRATED_ON.desc()).limit(1).fetchSingle();
    }
}
