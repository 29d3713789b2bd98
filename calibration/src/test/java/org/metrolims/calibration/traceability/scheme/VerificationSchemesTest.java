package org.metrolims.calibration.traceability.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.standard.RegistryFixture;
import org.metrolims.calibration.standard.StandardDetails;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.ChainNode;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.calibration.traceability.TraceabilityTestWiring;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes.Flagged;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes.SchemeSummary;
import org.metrolims.db.TestDatabase;

/**
 * The seeded schemes and a small province on the real database: a provincial E1 set calibrated by the NIM, city E2
 * sets calibrated against it (one claiming E1 with an E2 uncertainty), a county set calibrated against a city set of
 * its own level, and a temperature standard whose explicit claim is a level too low.
 */
class VerificationSchemesTest {

    static final LocalDate AS_OF = RegistryFixture.TODAY;
    static final String NIM = "中国计量科学研究院";

    static DSLContext dsl;
    static RegistryFixture f;
    static VerificationSchemes schemes;
    static VerificationSchemeRepository repository;
    static TraceabilityAnalysis traceability;
    static long p1, c1, c2, k1, t1;
    static long type;
    static long reviewer;
    static int serial;

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(VerificationSchemesTest.class).dsl();
        f = new RegistryFixture(dsl);
        repository = new VerificationSchemeRepository(dsl);
        traceability = TraceabilityTestWiring.analysis(dsl);
        schemes = new VerificationSchemes(repository, traceability);
        type = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.CODE.eq("BALANCE"))
                .fetchOne(INSTRUMENT_TYPE.ID);
        reviewer = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "reviewer").set(APP_USER.PASSWORD_HASH, "x")
                .set(APP_USER.DISPLAY_NAME, "reviewer").set(APP_USER.ORGANIZATION_ID, f.fjim)
                .returningResult(APP_USER.ID).fetchOne(APP_USER.ID);
        p1 = standard("P-E1", StandardLevel.PROVINCIAL_PUBLIC, "MASS", "50", "kg", "0.000015", "E1");
        c1 = standard("C-E2", StandardLevel.CITY_PUBLIC, "MASS", "50", "kg", "0.00003", "E2");
        c2 = standard("C-CLAIMS-E1", StandardLevel.CITY_PUBLIC, "MASS", "50", "kg", "0.00003", "E1");
        k1 = standard("K-E2", StandardLevel.COUNTY_PUBLIC, "MASS", "50", "kg", "0.000035", null);
        t1 = standard("T-SPRT", StandardLevel.PROVINCIAL_PUBLIC, "TEMPERATURE", "693.15", "K", "0.015", null);
        calibrate(p1, null);
        calibrate(c1, p1);
        calibrate(c2, p1);
        calibrate(k1, c1);
        calibrate(t1, null);
        long grade2 = repository.levelId("JJG 2062-1990", "GRADE_2").orElseThrow();
        repository.insertClaims(List.of(new NewClaim(t1, grade2, "assessment file")),
                "test");
    }

    static long standard(String code, StandardLevel level, String quantity, String high, String unit, String u,
            String accuracyClass) {
        String discipline = quantity.equals("MASS") ? "MECHANICS" : "THERMAL";
        StandardDetails d = new StandardDetails(code, "标准", "standard", discipline, quantity, level, "FJIM", "350100",
                new BigDecimal("0.000001"), new BigDecimal(high), unit, new BigDecimal(u), new BigDecimal("2"),
                accuracyClass, LocalDate.of(2020, 5, 1));
        return f.standards.register(d, RegistryFixture.certificate("CERT-" + code, LocalDate.of(2023, 1, 10)), f.tech)
                .id();
    }

    /** The standard's equipment calibrated on 2025-06-01 for a year, against a reference or by the NIM. */
    static void calibrate(long standard, Long reference) {
        long instrument = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, f.fjim)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MEASUREMENT_STANDARD_ID, standard)
                .set(INSTRUMENT.MANUFACTURER, "M").set(INSTRUMENT.MODEL, "X").set(INSTRUMENT.SERIAL_NO, "S" + ++serial)
                .set(INSTRUMENT.UNIT, "kg").returningResult(INSTRUMENT.ID).fetchOne(INSTRUMENT.ID);
        var insert = dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "CAL-" + serial)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, f.fjim)
                .set(CALIBRATION.PROCEDURE_CODE, "JJG 99-2022").set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2025, 6, 1))
                .set(CALIBRATION.VALID_UNTIL, LocalDate.of(2026, 5, 31)).set(CALIBRATION.STATUS, "APPROVED");
        if (reference == null) {
            insert = insert.set(CALIBRATION.EXTERNAL_ISSUER, NIM).set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-" + serial);
        } else {
            insert = insert.set(CALIBRATION.PERFORMING_ORGANIZATION_ID, f.fjim).set(CALIBRATION.REVIEWER_ID, reviewer)
                    .set(CALIBRATION.APPROVED_AT, java.time.Instant.parse("2025-06-02T10:00:00Z"));
        }
        long calibration = insert.returningResult(CALIBRATION.ID).fetchOne(CALIBRATION.ID);
        if (reference != null) {
            dsl.insertInto(CALIBRATION_REFERENCE_STANDARD).set(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID, calibration)
                    .set(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID, reference).execute();
        }
    }

    @Test
    void theSeededSchemesListTheirLevelsTopDownWithContiguousBands() {
        List<VerificationScheme> all = schemes.schemes();
        assertThat(all).extracting(VerificationScheme::quantityCode)
                .contains("MASS", "LENGTH", "TEMPERATURE", "PRESSURE", "DC_VOLTAGE", "RESISTANCE", "FORCE");
        for (VerificationScheme s : all) {
            assertThat(s.levels()).as(s.code()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(s.levels().get(0).tier()).isEqualTo(1);
            assertThat(s.levels().get(0).low()).isEqualTo(0.0);
            for (int i = 1; i < s.levels().size(); i++) {
                assertThat(s.levels().get(i).low()).as(s.code() + " " + s.levels().get(i).code())
                        .isEqualTo(s.levels().get(i - 1).high());
            }
        }
        VerificationScheme mass = all.stream().filter(s -> s.code().equals("JJG 2053-2016")).findFirst().orElseThrow();
        assertThat(mass.levels()).extracting(SchemeLevel::code).startsWith("PRIMARY", "E1", "E2", "F1", "F2", "M1");
        assertThat(mass.levels().get(2).accuracyClass()).contains("E2");
    }

    @Test
    void theOverviewCountsStandardsPerLevelAndFlagsTheMisplacedAndTheReferenceNotHigher() {
        Map<String, SchemeSummary> byCode = schemes.overview(AS_OF).stream()
                .collect(Collectors.toMap(s -> s.scheme().code(), Function.identity()));
        SchemeSummary mass = byCode.get("JJG 2053-2016");
        assertThat(mass.standards()).isEqualTo(4);
        Map<String, Long> perLevel = mass.levels().stream()
                .collect(Collectors.toMap(l -> l.level().code(), VerificationSchemes.LevelCount::standards));
        assertThat(perLevel).containsEntry("E1", 1L).containsEntry("E2", 3L).containsEntry("F1", 0L);
        Map<String, Flagged> flagged = mass.flagged().stream()
                .collect(Collectors.toMap(Flagged::code, Function.identity()));
        assertThat(flagged).containsOnlyKeys("C-CLAIMS-E1", "K-E2");
        assertThat(flagged.get("C-CLAIMS-E1").standing().verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(flagged.get("C-CLAIMS-E1").standing().belongsTo()).contains("E2");
        assertThat(flagged.get("K-E2").standing().verdict()).isEqualTo(SchemeVerdict.REFERENCE_NOT_HIGHER);
        assertThat(flagged.get("K-E2").standing().referencesNotHigher()).containsExactly("C-E2");
        assertThat(mass.misplaced()).isEqualTo(1);
        assertThat(mass.referencesNotHigher()).isEqualTo(1);
        // 0.015 K is 15 mK, grade 1 of the temperature scheme, while the explicit claim says grade 2
        Flagged sprt = byCode.get("JJG 2062-1990").flagged().get(0);
        assertThat(sprt.code()).isEqualTo("T-SPRT");
        assertThat(sprt.standing().claimedLevel()).contains("GRADE_2");
        assertThat(sprt.standing().belongsTo()).contains("GRADE_1");
        assertThat(byCode.get("JJG 2056-1990").standards()).isZero();
    }

    @Test
    void aStandardThatDoesNotCountOnTheDateIsLeftOut() {
        SchemeSummary mass = schemes.overview(LocalDate.of(2019, 1, 1)).stream()
                .filter(s -> s.scheme().code().equals("JJG 2053-2016")).findFirst().orElseThrow();
        assertThat(mass.standards()).isZero();
    }

    @Test
    void eachStandardNodeOfAChainCarriesItsStanding() {
        Chain chain = new ChainAnalyzer(traceability.subgraphAsOf(List.of(k1), AS_OF)).chain(k1, AS_OF).orElseThrow();
        Chain judged = schemes.withStandings(chain);
        Map<String, ChainNode> nodes = judged.nodes().stream()
                .collect(Collectors.toMap(ChainNode::label, Function.identity()));
        assertThat(nodes.get("K-E2").scheme().orElseThrow().verdict()).isEqualTo(SchemeVerdict.REFERENCE_NOT_HIGHER);
        assertThat(nodes.get("C-E2").scheme().orElseThrow().verdict()).isEqualTo(SchemeVerdict.OK);
        assertThat(nodes.get("C-E2").scheme().orElseThrow().level()).contains("E2");
        assertThat(nodes.get("P-E1").scheme().orElseThrow().level()).contains("E1");
        assertThat(judged.nodes()).filteredOn(n -> n.kind() == ChainNode.Kind.ROOT)
                .allSatisfy(n -> assertThat(n.scheme()).isEmpty());
        assertThat(judged.links()).isEqualTo(chain.links());
        assertThat(judged.complete()).isEqualTo(chain.complete());
    }

    @Test
    void theSeededGaugeBlockSchemeStatesItsBandsAsAPlusBTimesTheLengthInMetres() {
        VerificationScheme gauge = repository.schemes().stream().filter(s -> s.code().equals("JJG 2056-1990"))
                .findFirst().orElseThrow();
        assertThat(gauge.levels()).allSatisfy(l -> {
            assertThat(l.lengthDependent()).as(l.code()).isTrue();
            assertThat(l.lengthUnit()).contains("m");
            assertThat(l.unit()).contains("µm");
        });
        SchemeLevel grade1 = gauge.levels().get(1);
        assertThat(grade1.code()).isEqualTo("GRADE_1");
        // 1等: U <= (0.022 + 0.2L) µm; at L = 0.1 m, 0.042 µm
        assertThat(grade1.highAt(0.1)).isCloseTo(0.042, org.assertj.core.data.Offset.offset(1e-12));
        // every level's lower limit is the upper limit of the level above, at any length
        for (int i = 1; i < gauge.levels().size(); i++) {
            SchemeLevel above = gauge.levels().get(i - 1);
            SchemeLevel level = gauge.levels().get(i);
            assertThat(level.low()).as(level.code()).isEqualTo(above.high());
            assertThat(level.lowPerLength()).as(level.code()).isEqualTo(above.highPerLength());
        }
        // a 100 mm block with U = 0.07 µm: above 1等's 0.042 µm, within 2等's (0.042, 0.06 + 0.6·0.1 = 0.12] µm
        SchemeSubject block = new SchemeSubject(1, "GB-100", "LENGTH", "mm", java.util.OptionalDouble.of(0.00007),
                java.util.OptionalDouble.of(100), java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(new SchemeCheck(List.of(gauge)).check(block, List.of()).level()).contains("GRADE_2");
    }
}
