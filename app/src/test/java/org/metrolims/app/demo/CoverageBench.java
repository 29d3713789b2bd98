package org.metrolims.app.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.calibration.coverage.CapabilityDemand;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageRepository;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.reference.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Coverage and traceability timings on a demo province loaded by the application itself (with the coverage demo
 * demand); off by default because the load takes minutes. Run it with
 * {@code ./mvnw -B -ntp -pl app -am test -Dtest=CoverageBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlims.coverage.bench=true -Dlims.coverage.bench.scale=10}. It prints, for the province as of six months before
 * the anchor date: the dashboard's four figures (set-based: one graph load, memoised chains), one chain (its own
 * subgraph), and the same traceability figure by a straightforward per-standard loop (one subgraph and one analysis
 * per standard), with the ratio; whether the broken chains on the anchor date are exactly the deliberate gaps; the
 * figures per city; the verification-scheme overview (timed, with standards per level and the misplaced); and one
 * provincial standard's recall impact list (timed).
 */
@EnabledIfSystemProperty(named = "lims.coverage.bench", matches = "true")
@SpringBootTest(properties = {"lims.demo.enabled=true", "lims.demo.scale=${lims.coverage.bench.scale:1}",
        "lims.demo.seed=20260101", "lims.demo.anchor-date=2026-11-01"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class CoverageBench {

    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    static final LocalDate PAST = ANCHOR.minusMonths(6);
    static final RegionCode PROVINCE = new RegionCode("350000");
    static final RegistryUser ADMIN = new RegistryUser("bench", 0, true, false, true);

    @Autowired CoverageMetrics metrics;
    @Autowired TraceabilityAnalysis traceability;
    @Autowired CoverageRepository coverage;
    @Autowired org.metrolims.calibration.traceability.scheme.VerificationSchemes schemes;

    @Test
    void timesTheDashboardAndOneChainAgainstAPerStandardLoop() {
        double scale = Double.parseDouble(System.getProperty("lims.coverage.bench.scale", "1"));
        List<CoverageStandard> standards = coverage.publicStandards();
        List<CapabilityDemand> demands = coverage.demands();
        System.out.printf("%nCoverage bench, demo scale %s: %d public standards, %d demanded capabilities%n", scale,
                standards.size(), demands.size());

        CoverageFigures figures = metrics.figures(PAST, PROVINCE, Optional.empty());
        double dashboard = medianMillis(5, () -> metrics.figures(PAST, PROVINCE, Optional.empty()));
        System.out.printf("dashboard figures as of %s (set-based): median %.1f ms%n", PAST, dashboard);
        figures.all().forEach(f -> System.out.printf("  %-22s %s (%d / %d)%n", f.name(), f.value(), f.numerator(),
                f.denominator()));

        long county = standards.stream().filter(s -> s.level().equals("COUNTY_PUBLIC")).findFirst().orElseThrow().id();
        double chain = medianMillis(21, () -> traceability.chain(county, PAST, ADMIN));
        System.out.printf("one county standard's chain as of %s: median %.1f ms (%d links)%n", PAST, chain,
                traceability.chain(county, PAST, ADMIN).links().size());

        // the straightforward way: one subgraph and one analysis per counting public standard
        TraceGraph graph = traceability.graphAsOf(PAST);
        List<CoverageStandard> counting = standards.stream()
                .filter(s -> graph.standard(s.id()).orElseThrow().countsOn(PAST)).toList();
        long started = System.nanoTime();
        Set<Long> completeAlone = counting.stream().filter(s -> traceability.completeAlone(s.id(), PAST))
                .map(CoverageStandard::id).collect(Collectors.toSet());
        double loop = (System.nanoTime() - started) / 1e6;
        started = System.nanoTime();
        ChainAnalyzer analyzer = new ChainAnalyzer(traceability.graphAsOf(PAST));
        Set<Long> completeTogether = counting.stream().filter(s -> analyzer.complete(s.id(), PAST))
                .map(CoverageStandard::id).collect(Collectors.toSet());
        double together = (System.nanoTime() - started) / 1e6;
        System.out.printf("chain completeness of %d counting standards: per-standard loop %.0f ms, set-based %.0f ms,"
                + " ratio %.1f; same verdicts: %s%n", counting.size(), loop, together, loop / together,
                completeAlone.equals(completeTogether));
        System.out.printf("dashboard (all four figures, set-based) vs per-standard chain loop alone: ratio %.1f%n",
                loop / dashboard);

        TraceGraph now = traceability.graphAsOf(ANCHOR);
        ChainAnalyzer atAnchor = new ChainAnalyzer(now);
        Set<String> broken = standards.stream().filter(s -> now.standard(s.id()).orElseThrow().countsOn(ANCHOR))
                .filter(s -> !atAnchor.complete(s.id(), ANCHOR)).map(CoverageStandard::code)
                .collect(Collectors.toSet());
        Set<String> gaps = DemoProvince.generate(20260101L, scale, ANCHOR, "unused").deliberateGaps().stream()
                .map(DemoRows.DeliberateGap::standardCode).collect(Collectors.toSet());
        System.out.printf("broken chains on %s: %d; deliberate gaps: %d; exactly the gaps: %s%n", ANCHOR,
                broken.size(), gaps.size(), broken.equals(gaps));
        CoverageFigures atAnchorFigures = metrics.figures(ANCHOR, PROVINCE, Optional.empty());
        atAnchorFigures.all().forEach(f -> System.out.printf("  on %s %-22s %s (%d / %d)%n", ANCHOR, f.name(),
                f.value(), f.numerator(), f.denominator()));
        System.out.printf("capability and traceability coverage per city on %s:%n", ANCHOR);
        metrics.byCity(ANCHOR, PROVINCE, Optional.empty()).forEach(c -> System.out.printf(
                "  %s %-10s capability %s (%d / %d), traceability %s%n", c.code(), c.nameEn(),
                c.figures().capabilityCoverage().value(), c.figures().capabilityCoverage().numerator(),
                c.figures().capabilityCoverage().denominator(), c.figures().traceabilityCoverage().value()));

        double overview = medianMillis(5, () -> schemes.overview(ANCHOR));
        System.out.printf("verification-scheme overview on %s (all schemes, all counting standards): median %.1f ms%n",
                ANCHOR, overview);
        schemes.overview(ANCHOR).forEach(s -> System.out.printf("  %-14s %4d standards, per level %s; misplaced %d,"
                        + " reference not higher %d, not placed %d%n", s.scheme().code(), s.standards(),
                s.levels().stream().map(l -> l.level().code() + "=" + l.standards()).toList(), s.misplaced(),
                s.referencesNotHigher(), s.unplaced()));
        long provincial = standards.stream().filter(s -> s.level().equals("PROVINCIAL_PUBLIC"))
                .filter(s -> now.standard(s.id()).orElseThrow().countsOn(ANCHOR)).findFirst().orElseThrow().id();
        double impact = medianMillis(5, () -> traceability.impact(provincial, Optional.empty(),
                Optional.of(ANCHOR), ADMIN));
        var list = traceability.impact(provincial, Optional.empty(), Optional.of(ANCHOR), ADMIN);
        System.out.printf("recall impact of one provincial standard found out on %s: median %.1f ms (%d calibrations"
                + " since %s, %d standards suspect in turn)%n", ANCHOR, impact, list.calibrations().size(),
                list.since(), list.affectedStandards().size());
    }

    private static double medianMillis(int runs, Supplier<?> work) {
        work.get();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
