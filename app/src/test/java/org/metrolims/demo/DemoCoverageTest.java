package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.demo.DemoFixtures.ANCHOR;
import static org.metrolims.demo.DemoFixtures.SEED;
import static org.metrolims.demo.DemoFixtures.SMALL;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.demo.DemoRows.DeliberateGap;
import org.metrolims.calibration.coverage.CapabilityDemand;
import org.metrolims.calibration.coverage.CoverageCalculator;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageSnapshot;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardCounts;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.LinkProblem;
import org.metrolims.calibration.traceability.RecallImpact;
import java.time.LocalDate;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.reference.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The small demo province loaded by the application itself (with the coverage demo demand): traceability analysis
 * finds exactly the chains the generator broke on purpose, and the figures come out as designed.
 */
@SpringBootTest(classes = MetroLimsApplication.class, properties = {
        "lims.demo.enabled=true", "lims.demo.scale=" + SMALL, "lims.demo.seed=" + SEED,
        "lims.demo.anchor-date=2026-11-01"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DemoCoverageTest {

    @Autowired TraceabilityAnalysis traceability;
    @Autowired CoverageMetrics metrics;
    @Autowired StandardCounts counts;
    @Autowired DSLContext dsl;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername(username));
    }

    long idOf(String code) {
        return metrics.publicStandards().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().id();
    }

    final List<DeliberateGap> gaps = DemoProvince.generate(SEED, SMALL, ANCHOR, "unused").deliberateGaps();

    @Test
    void theCountingStandardsWithBrokenChainsAreExactlyTheDeliberateGaps() {
        TraceGraph graph = traceability.graphAsOf(ANCHOR);
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        Set<String> broken = metrics.publicStandards().stream()
                .filter(s -> graph.standard(s.id()).orElseThrow().countsOn(ANCHOR))
                .filter(s -> !analyzer.complete(s.id(), ANCHOR))
                .map(CoverageStandard::code).collect(Collectors.toSet());
        assertThat(gaps).isNotEmpty();
        assertThat(broken).containsExactlyInAnyOrderElementsOf(gaps.stream().map(DeliberateGap::standardCode).toList());
    }

    @Test
    void aChainLoadedAloneJudgesEveryStandardAsTheWholeProvinceGraphDoes() {
        for (java.time.LocalDate asOf : List.of(ANCHOR, ANCHOR.minusMonths(7))) {
            ChainAnalyzer whole = new ChainAnalyzer(traceability.graphAsOf(asOf));
            for (CoverageStandard s : metrics.publicStandards()) {
                assertThat(traceability.completeAlone(s.id(), asOf)).as(s.code() + " on " + asOf)
                        .isEqualTo(whole.complete(s.id(), asOf));
            }
        }
    }

    @Test
    void theMaintainedSummaryTheWholeGraphAndThePerStandardLoopAgreeOnEveryDateRegionAndDiscipline() {
        RegistryUser admin = new RegistryUser("t", 0, true, false, true);
        List<CoverageStandard> standards = metrics.publicStandards();
        List<CapabilityDemand> demands = metrics.demands();
        String county = standards.stream().filter(s -> s.level().equals("COUNTY_PUBLIC")).findFirst().orElseThrow()
                .regionCode();
        String city = county.substring(0, 4) + "00";
        for (LocalDate asOf : List.of(ANCHOR, ANCHOR.minusDays(21), ANCHOR.minusDays(45), ANCHOR.minusMonths(7),
                ANCHOR.minusMonths(16), ANCHOR.minusYears(3))) {
            TraceGraph graph = traceability.graphAsOf(asOf);
            ChainAnalyzer whole = new ChainAnalyzer(graph);
            CoverageSnapshot wholeSnapshot = new CoverageSnapshot(graph, standards, demands);
            for (String region : List.of("350000", city, county)) {
                for (Optional<String> discipline : List.of(Optional.<String>empty(), Optional.of("MECHANICS"),
                        Optional.of("THERMAL"))) {
                    RegionCode code = new RegionCode(region);
                    assertThat(metrics.figures(asOf, code, discipline)).as(asOf + " " + region + " " + discipline)
                            .isEqualTo(wholeSnapshot.figures(asOf, region, discipline,
                                    counts.on(asOf, code, discipline)));
                }
            }
            // the straightforward loop: one subgraph per counting standard
            Set<Long> counting = standards.stream().filter(s -> graph.standard(s.id()).orElseThrow().countsOn(asOf))
                    .map(CoverageStandard::id).collect(Collectors.toSet());
            Set<Long> completeAlone = counting.stream().filter(id -> traceability.completeAlone(id, asOf))
                    .collect(Collectors.toSet());
            long loopTraceable = new CoverageCalculator(standards).verdicts(demands, asOf, "350000", Optional.empty(),
                    counting::contains, completeAlone::contains).stream().filter(DemandVerdict::traceable).count();
            assertThat(metrics.figures(asOf, new RegionCode("350000"), Optional.empty()).traceabilityCoverage()
                    .numerator()).as("traceable demand on " + asOf).isEqualTo(loopTraceable);
            // one standard's chain, loaded narrowly for the API, is drawn link for link as from the whole graph
            for (CoverageStandard s : standards) {
                assertThat(traceability.chain(s.id(), asOf, admin)).as(s.code() + " on " + asOf)
                        .isEqualTo(whole.chain(s.id(), asOf).orElseThrow());
            }
        }
        LocalDate asOf = ANCHOR.minusMonths(2);
        CoverageSnapshot wholeSnapshot = new CoverageSnapshot(traceability.graphAsOf(asOf), standards, demands);
        RegionCode province = new RegionCode("350000");
        assertThat(metrics.trend(asOf, 12, province, Optional.empty()).points())
                .allSatisfy(p -> assertThat(p).isEqualTo(wholeSnapshot.figures(p.asOf(), "350000", Optional.empty(),
                        counts.on(p.asOf(), province, Optional.empty()))));
    }

    @Test
    void aSnapshotRefusesADayOutsideTheDaysItWasLoadedFor() {
        CoverageSnapshot snapshot = metrics.snapshot(List.of(ANCHOR));
        long id = metrics.publicStandards().get(0).id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> snapshot.counts(id, ANCHOR.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> snapshot.complete(id, ANCHOR.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachGapShowsItsKindOnTheChain() {
        for (DeliberateGap gap : gaps) {
            long id = metrics.publicStandards().stream().filter(s -> s.code().equals(gap.standardCode()))
                    .findFirst().orElseThrow().id();
            Chain chain = traceability.chain(id, ANCHOR,
                    new org.metrolims.calibration.standard.RegistryUser("t", 0, true, false, true));
            assertThat(chain.complete()).isFalse();
            LinkProblem expected = switch (gap.kind()) {
                case EXPIRED_LINK, EXPIRED_ROOT -> LinkProblem.EXPIRED_WHEN_USED;
                case MISSING_LINK -> LinkProblem.MISSING_LINK;
            };
            assertThat(chain.links()).as(gap.toString())
                    .anySatisfy(l -> assertThat(l.problems()).contains(expected));
        }
    }

    @Test
    void theFiguresShowTraceabilityBelowCapabilityBecauseOfTheGaps() {
        CoverageFigures f = metrics.figures(ANCHOR, new RegionCode("350000"), Optional.empty());
        assertThat(f.capabilityCoverage().denominator()).isPositive();
        assertThat(f.traceabilityCoverage().numerator()).isLessThan(f.capabilityCoverage().numerator());
        assertThat(f.traceabilityCoverage().denominator()).isEqualTo(f.capabilityCoverage().denominator());
        // the public-standard count is the registry's own count, and agrees with the graph's counting rule
        CoverageSnapshot snapshot = metrics.snapshot(List.of(ANCHOR));
        long counted = metrics.publicStandards().stream().filter(s -> snapshot.counts(s.id(), ANCHOR)).count();
        assertThat(f.publicStandards().numerator()).isEqualTo(counted);
        // a city's figures add up to no more than the province's
        long cityDemand = metrics.byCity(ANCHOR, new RegionCode("350000"), Optional.empty()).stream()
                .mapToLong(r -> r.figures().capabilityCoverage().denominator()).sum();
        assertThat(cityDemand).isLessThanOrEqualTo(f.capabilityCoverage().denominator());
    }

    @Test
    void theApiAnswersTheFourFiguresAndALabIsRefused() throws Exception {
        mvc.perform(get("/api/coverage").param("asOf", "2026-11-01").with(httpBasic("officer", "demo2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.publicStandards.target").value(2000))
                .andExpect(jsonPath("$.figures.provincialStandards.target").value(350))
                .andExpect(jsonPath("$.figures.traceabilityCoverage.target").value(0.95))
                .andExpect(jsonPath("$.figures.capabilityCoverage.denominator").isNumber());
        mvc.perform(get("/api/coverage").with(httpBasic("lab1", "demo2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/coverage").param("discipline", "ALCHEMY").with(httpBasic("officer", "demo2026")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("discipline"));
        mvc.perform(get("/api/coverage").param("asOf", "2026-13-01").with(httpBasic("officer", "demo2026")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void theChainOfAStandardIsDrawnAndALabSeesNoOtherOrganizationsChain() throws Exception {
        long broken = idOf(gaps.get(0).standardCode());
        mvc.perform(get("/api/standards/{id}/chain", broken).param("asOf", "2026-11-01")
                        .with(httpBasic("officer", "demo2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(false))
                .andExpect(jsonPath("$.counts").value(true))
                .andExpect(jsonPath("$.links[0].from").value("S" + broken));
        mvc.perform(get("/api/standards/{id}/chain", broken).with(httpBasic("lab1", "demo2026")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/standards/{id}/chain", broken).param("asOf", "2026-11-01").with(signedIn("officer")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("class=\"chain-diagram\"")));
    }

    @Test
    void theDashboardShowsTheFiguresToAnOfficerAndNotToALab() throws Exception {
        mvc.perform(get("/coverage").param("asOf", "2026-11-01").with(signedIn("officer")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"cities\"")));
        mvc.perform(get("/coverage/demand").param("asOf", "2026-11-01").param("region", "350200")
                        .with(signedIn("officer")))
                .andExpect(status().isOk());
        mvc.perform(get("/coverage").with(signedIn("lab1"))).andExpect(status().isForbidden());
    }

    @Test
    void theRecallImpactOfAProvincialStandardReachesTheStandardsItCalibratedAndTheirCustomers() throws Exception {
        long provincial = metrics.publicStandards().stream().filter(s -> s.level().equals("PROVINCIAL_PUBLIC"))
                .findFirst().orElseThrow().id();
        RecallImpact impact = traceability.impact(provincial, Optional.of(LocalDate.of(2025, 11, 1)),
                new org.metrolims.calibration.standard.RegistryUser("t", 0, true, false, true));
        assertThat(impact.calibrations()).allSatisfy(c -> assertThat(c.calibratedOn()).isAfterOrEqualTo(
                c.depth() == 1 ? LocalDate.of(2025, 11, 1) : LocalDate.MIN));
        assertThat(impact.calibrations()).extracting(RecallImpact.ImpactedCalibration::calibrationId)
                .doesNotHaveDuplicates();
        if (!impact.affectedStandards().isEmpty()) {
            assertThat(impact.calibrations()).anySatisfy(c -> assertThat(c.depth()).isEqualTo(2));
        }
        mvc.perform(get("/api/standards/{id}/impact", provincial).with(httpBasic("officer", "demo2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.since").isString());
    }

    @Test
    void theRecallImpactListNamesTheCertificatesIssuedFromEachImpactedCalibrationWithTheirStatus() throws Exception {
        long provincial = metrics.publicStandards().stream().filter(s -> s.level().equals("PROVINCIAL_PUBLIC"))
                .findFirst().orElseThrow().id();
        var everyone = new org.metrolims.calibration.standard.RegistryUser("t", 0, true, false, true);
        RecallImpact before = traceability.impact(provincial, Optional.of(LocalDate.of(2025, 11, 1)), everyone);
        assertThat(before.calibrations()).isNotEmpty();
        long calibrationId = before.calibrations().getFirst().calibrationId();
        // issue a certificate of one impacted calibration and amend it, as the certificate register would
        String insert = """
                INSERT INTO certificate (certificate_no, revision, status, supersedes_id, amendment_reason,
                    calibration_id, issuer_organization_id, customer_organization_id, subject, issued_at, issued_by,
                    signature_meaning, pdf, sha256, verification_code)
                SELECT 'RECALL-T-1', ?, ?, ?, ?, c.id, COALESCE(c.performing_organization_id,
                    c.customer_organization_id), c.customer_organization_id, 'test', CURRENT_TIMESTAMP(6),
                    (SELECT MIN(id) FROM app_user), 'ISSUED', x'25', REPEAT('a', 64), 'ABCD'
                FROM calibration c WHERE c.id = ?""";
        dsl.execute(insert, 1, "SUPERSEDED", null, null, calibrationId);
        Long first = dsl.fetchOne("SELECT id FROM certificate WHERE certificate_no = 'RECALL-T-1'").get(0, Long.class);
        dsl.execute(insert, 2, "VALID", first, "typo", calibrationId);

        RecallImpact after = traceability.impact(provincial, Optional.of(LocalDate.of(2025, 11, 1)), everyone);
        assertThat(after.calibrations()).filteredOn(c -> c.calibrationId() == calibrationId).singleElement()
                .satisfies(c -> assertThat(c.certificates()).containsExactly(
                        new RecallImpact.ImpactedCertificate("RECALL-T-1", 1, "SUPERSEDED"),
                        new RecallImpact.ImpactedCertificate("RECALL-T-1", 2, "VALID")));
        // every other impacted calibration lists exactly the certificates the register holds for it
        assertThat(after.calibrations()).filteredOn(c -> c.calibrationId() != calibrationId)
                .allSatisfy(c -> assertThat(c.certificates()).containsExactlyElementsOf(dsl.fetch(
                        "SELECT certificate_no, revision, status FROM certificate WHERE calibration_id = ?"
                                + " ORDER BY revision", c.calibrationId())
                        .map(r -> new RecallImpact.ImpactedCertificate(r.get(0, String.class),
                                r.get(1, Integer.class), r.get(2, String.class)))));
        mvc.perform(get("/api/standards/{id}/impact", provincial).param("since", "2025-11-01")
                        .with(httpBasic("officer", "demo2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calibrations[?(@.calibrationId == " + calibrationId + ")].certificates[1].certificateNo")
                        .value(org.hamcrest.Matchers.contains("RECALL-T-1")))
                .andExpect(jsonPath("$.calibrations[?(@.calibrationId == " + calibrationId + ")].certificates[1].status")
                        .value(org.hamcrest.Matchers.contains("VALID")));
    }

    @Test
    void someCitiesMeetLessThanNinetyPercentOfTheirDemandAndTheUnmetDemandIsThereToDrillInto() {
        var cities = metrics.byCity(ANCHOR, new RegionCode("350000"), Optional.empty());
        var short_ = cities.stream().filter(c -> c.figures().capabilityCoverage().denominator() > 0)
                .filter(c -> c.figures().capabilityCoverage().doubleValue() < 0.9).toList();
        assertThat(short_).isNotEmpty();
        for (var c : short_) {
            assertThat(metrics.demandBehind(ANCHOR, new RegionCode(c.code()), Optional.empty()))
                    .as(c.code()).anySatisfy(v -> assertThat(v.capable()).isFalse());
        }
        // traceability coverage can never exceed capability coverage (DESIGN.md): a subset of the same demand
        for (var c : cities) {
            assertThat(c.figures().traceabilityCoverage().numerator())
                    .isLessThanOrEqualTo(c.figures().capabilityCoverage().numerator());
        }
    }

    @Autowired org.metrolims.calibration.traceability.scheme.VerificationSchemes schemes;

    @Test
    void theOnlyStandardsFlaggedInTheSchemesAreThoseWhoseDemoClaimIsATierTooHigh() {
        var flagged = schemes.overview(ANCHOR).stream().flatMap(s -> s.flagged().stream()).toList();
        List<Long> claimed = dsl.fetch("SELECT standard_id FROM standard_scheme_claim ORDER BY standard_id")
                .map(r -> r.get(0, Long.class));
        assertThat(claimed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(flagged).extracting(f -> f.standing().verdict()).containsOnly(
                org.metrolims.calibration.traceability.scheme.SchemeVerdict.MISPLACED);
        assertThat(flagged).extracting(f -> f.standardId()).containsExactlyInAnyOrderElementsOf(claimed);
        assertThat(flagged).allSatisfy(f -> assertThat(f.standing().belongsTo()).isPresent());
        // every other counting standard of a scheme's quantity was placed by its uncertainty or class
        assertThat(schemes.overview(ANCHOR)).allSatisfy(s -> assertThat(s.unplaced()).isZero());
    }
}
