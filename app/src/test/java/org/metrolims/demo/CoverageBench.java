package org.metrolims.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.calibration.coverage.CapabilityDemand;
import org.metrolims.calibration.coverage.CoverageCalculator;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageSnapshot;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardCounts;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceSummary;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.db.reference.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Coverage and traceability timings on a demo province; off by default. Run it with
 * {@code ./mvnw -B -ntp -pl app -am test -Dtest=CoverageBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlims.coverage.bench=true -Dlims.coverage.bench.scale=10}.
 *
 * <p>The province is the demo's ({@link DemoProvince}: same seed, generator, shapes and distributions) and the
 * coverage demo demand ({@link CoverageDemoDemand}), but written by the bench itself without what coverage never
 * reads (measurement points, certificates, schedules), so that a 10× province loads in minutes.
 *
 * <p>It prints the time to build the traceability summary after the load; then, for the province as of six months
 * before the anchor date: the dashboard's four figures and the whole dashboard, computed cold on every run (a new
 * snapshot from the database each time; nothing is cached in memory), with the time of its parts; the same figures
 * from the whole graph judged chain by chain, which must agree; one chain; and the traceability figure
 * by a straightforward per-standard loop (one subgraph and one analysis per counting standard), with the ratio;
 * and whether the broken chains on the anchor date are exactly the deliberate gaps; then, on the anchor date, the
 * figures per city, what one new calibration costs the next reader (the summary's refresh), the verification-scheme
 * overview (timed) and one provincial standard's recall impact list (timed).
 */
@EnabledIfSystemProperty(named = "lims.coverage.bench", matches = "true")
@SpringBootTest(classes = MetroLimsApplication.class, properties = "lims.demo.enabled=false")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class CoverageBench {

    static final long SEED = 20260101L;
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);
    static final LocalDate PAST = ANCHOR.minusMonths(6);
    static final RegionCode PROVINCE = new RegionCode("350000");
    static final RegistryUser ADMIN = new RegistryUser("bench", 0, true, false, true);

    @Autowired CoverageMetrics metrics;
    @Autowired TraceabilityAnalysis traceability;
    @Autowired org.metrolims.calibration.traceability.scheme.VerificationSchemes schemes;
    @Autowired StandardCounts counts;
    @Autowired TraceSummary summary;
    @Autowired DemoProvinceRepository demoRepository;
    @Autowired CoverageDemoDemand demoDemand;
    @Autowired org.jooq.DSLContext dsl;

    @Test
    void timesTheDashboardAndOneChainAgainstAPerStandardLoop() throws Exception {
        double scale = Double.parseDouble(System.getProperty("lims.coverage.bench.scale", "1"));
        long started = System.nanoTime();
        long[] rows = load(scale);
        System.out.printf("%nCoverage bench, demo scale %s: province loaded in %.0f s (%d instruments, %d calibrations,"
                + " %d reference links; no measurement points)%n", scale, (System.nanoTime() - started) / 1e9, rows[0],
                rows[1], rows[2]);
        List<CoverageStandard> standards = metrics.publicStandards();
        List<CapabilityDemand> demands = metrics.demands();
        System.out.printf("%d public standards, %d demanded capabilities; load average %s%n", standards.size(),
                demands.size(), loadAverage());

        started = System.nanoTime();
        TraceSummary.Refresh rebuilt = summary.refresh();
        System.out.printf("traceability summary built after the load: %d marks, %d standards, whole graph %s, %.0f ms%n",
                rebuilt.marks(), rebuilt.recomputed(), rebuilt.wholeGraph(), (System.nanoTime() - started) / 1e6);
        dsl.execute("ANALYZE TABLE standard_trace_period");

        int runs = 7;
        CoverageFigures figures = metrics.figures(PAST, PROVINCE, Optional.empty());
        double dashboard = medianMillis(runs, () -> metrics.figures(PAST, PROVINCE, Optional.empty()));
        System.out.printf("the four figures as of %s, cold (a new snapshot from the database every run, nothing"
                + " cached in memory; the maintained summary read): median of %d %.1f ms%n", PAST, runs, dashboard);
        figures.all().forEach(f -> System.out.printf("  %-22s %s (%d / %d)%n", f.name(), f.value(), f.numerator(),
                f.denominator()));
        double page = medianMillis(runs, () -> metrics.dashboard(PAST, PROVINCE, Optional.empty(), 12));
        System.out.printf("the whole dashboard as of %s (the four figures, every city, a 12-month trend with"
                + " projections), cold: median of %d %.1f ms%n", PAST, runs, page);
        System.out.printf("  parts: public standards %.1f ms, demand %.1f ms, summary ranges of 12 months %.1f ms,"
                + " standard counts by SQL (for comparison) %.1f ms, snapshot in all %.1f ms%n",
                medianMillis(runs, metrics::publicStandards), medianMillis(runs, metrics::demands),
                medianMillis(runs, () -> summary.traces(PAST.minusMonths(11), PAST)),
                medianMillis(runs, () -> counts.on(PAST, PROVINCE, Optional.empty())),
                medianMillis(runs, () -> metrics.snapshot(List.of(PAST))));
        System.out.printf("  standard counts from the summary equal the SQL count: %s%n",
                metrics.snapshot(List.of(PAST)).standardCount(PAST, PROVINCE.value(), Optional.empty())
                        .equals(counts.on(PAST, PROVINCE, Optional.empty())));

        double wholeMillis = medianMillis(3, () -> new CoverageSnapshot(traceability.graphAsOf(PAST), standards,
                demands).figures(PAST, PROVINCE.value(), Optional.empty(), counts.on(PAST, PROVINCE, Optional.empty())));
        CoverageFigures whole = new CoverageSnapshot(traceability.graphAsOf(PAST), standards, demands)
                .figures(PAST, PROVINCE.value(), Optional.empty(), counts.on(PAST, PROVINCE, Optional.empty()));
        System.out.printf("the same figures from the whole graph, chain by chain: median of 3 %.1f ms; same figures:"
                + " %s%n", wholeMillis, whole.equals(figures));

        long county = standards.stream().filter(s -> s.level().equals("COUNTY_PUBLIC")).findFirst().orElseThrow().id();
        double chain = medianMillis(21, () -> traceability.chain(county, PAST, ADMIN));
        System.out.printf("one county standard's chain as of %s, cold: median of 21 %.1f ms (%d links)%n", PAST, chain,
                traceability.chain(county, PAST, ADMIN).links().size());

        // the straightforward way: one subgraph and one analysis per counting public standard
        TraceGraph graph = traceability.graphAsOf(PAST);
        Set<Long> counting = standards.stream().filter(s -> graph.standard(s.id()).orElseThrow().countsOn(PAST))
                .map(CoverageStandard::id).collect(Collectors.toSet());
        started = System.nanoTime();
        Set<Long> completeAlone = counting.stream().filter(id -> traceability.completeAlone(id, PAST))
                .collect(Collectors.toSet());
        List<DemandVerdict> loopVerdicts = new CoverageCalculator(standards).verdicts(demands, PAST, PROVINCE.value(),
                Optional.empty(), counting::contains, completeAlone::contains);
        double loop = (System.nanoTime() - started) / 1e6;
        long loopTraceable = loopVerdicts.stream().filter(DemandVerdict::traceable).count();
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        Set<Long> completeTogether = counting.stream().filter(id -> analyzer.complete(id, PAST))
                .collect(Collectors.toSet());
        System.out.printf("per-standard loop over %d counting standards: %.0f ms, traceability coverage %d / %d"
                + " (same as the dashboard: %s; same verdicts as the whole graph: %s); loop / dashboard ratio %.1f%n",
                counting.size(), loop, loopTraceable, loopVerdicts.size(),
                loopTraceable == figures.traceabilityCoverage().numerator(), completeAlone.equals(completeTogether),
                loop / dashboard);

        TraceGraph now = traceability.graphAsOf(ANCHOR);
        ChainAnalyzer atAnchor = new ChainAnalyzer(now);
        Set<String> broken = standards.stream().filter(s -> now.standard(s.id()).orElseThrow().countsOn(ANCHOR))
                .filter(s -> !atAnchor.complete(s.id(), ANCHOR)).map(CoverageStandard::code)
                .collect(Collectors.toSet());
        Set<String> gaps = DemoProvince.generate(SEED, scale, ANCHOR, "unused").deliberateGaps().stream()
                .map(DemoRows.DeliberateGap::standardCode).collect(Collectors.toSet());
        System.out.printf("broken chains on %s: %d; deliberate gaps: %d; exactly the gaps: %s; load average %s%n",
                ANCHOR, broken.size(), gaps.size(), broken.equals(gaps), loadAverage());
        CoverageFigures atAnchorFigures = metrics.figures(ANCHOR, PROVINCE, Optional.empty());
        atAnchorFigures.all().forEach(f -> System.out.printf("  on %s %-22s %s (%d / %d)%n", ANCHOR, f.name(),
                f.value(), f.numerator(), f.denominator()));
        System.out.printf("capability and traceability coverage per city on %s:%n", ANCHOR);
        metrics.byCity(ANCHOR, PROVINCE, Optional.empty()).forEach(c -> System.out.printf(
                "  %s %-10s capability %s (%d / %d), traceability %s%n", c.code(), c.nameEn(),
                c.figures().capabilityCoverage().value(), c.figures().capabilityCoverage().numerator(),
                c.figures().capabilityCoverage().denominator(), c.figures().traceabilityCoverage().value()));

        timeOneChange(standards);

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

    /**
     * What keeping the summary costs a writer's next reader: one new approved calibration of a county standard's
     * item, then a refresh (the marked standard, then downstream as far as verdicts change).
     */
    private void timeOneChange(List<CoverageStandard> standards) {
        long county = standards.stream().filter(s -> s.level().equals("COUNTY_PUBLIC")).findFirst().orElseThrow().id();
        long provincial = standards.stream().filter(s -> s.level().equals("PROVINCIAL_PUBLIC")).findFirst()
                .orElseThrow().id();
        for (long standard : List.of(county, provincial)) {
            var i = org.metrolims.db.jooq.Tables.INSTRUMENT;
            var c = org.metrolims.db.jooq.Tables.CALIBRATION;
            long item = dsl.select(i.ID).from(i).where(i.MEASUREMENT_STANDARD_ID.eq(standard)).limit(1).fetchSingle()
                    .value1();
            var latest = dsl.selectFrom(c).where(c.INSTRUMENT_ID.eq(item)).and(c.STATUS.eq("APPROVED"))
                    .orderBy(c.CALIBRATED_ON.desc()).limit(1).fetchSingle().copy();
            latest.setCalibrationNo(latest.getCalibrationNo() + "-B");
            latest.setCalibratedOn(ANCHOR.minusDays(3));
            latest.setValidUntil(ANCHOR.plusYears(1));
            dsl.executeInsert(latest);
            long started = System.nanoTime();
            TraceSummary.Refresh r = summary.refresh();
            System.out.printf("one new approved calibration of a %s standard's item, then the next reader's refresh:"
                    + " %.0f ms (%d marks, %d standards recomputed)%n",
                    standard == county ? "county" : "provincial", (System.nanoTime() - started) / 1e6, r.marks(),
                    r.recomputed());
        }
    }

    /**
     * The demo province without measurement points, certificates and schedules, written as the demo loader writes
     * it (multi-row inserts, two writer threads), then the coverage demo demand. Returns instruments, calibrations
     * and reference links written.
     */
    private long[] load(double scale) throws Exception {
        DemoProvince province = DemoProvince.generate(SEED, scale, ANCHOR, "not a password hash: nobody logs in");
        demoRepository.insertRegions(province.regions());
        demoRepository.insertDisciplines(province.disciplines());
        demoRepository.insertQuantities(province.quantities());
        demoRepository.insertInstrumentTypes(province.instrumentTypes());
        demoRepository.insertOrganizations(province.organizations());
        demoRepository.insertOrganizationScopes(province.organizationScopes());
        demoRepository.insertUsers(province.users());
        demoRepository.insertUserRoles(province.userRoles());
        demoRepository.insertStandards(province.standards());
        demoRepository.insertStandardStatuses(province.standardStatuses());
        demoRepository.insertAssessmentCertificates(province.assessmentCertificates());
        long[] totals = new long[3];
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Semaphore inHand = new Semaphore(6);
        List<Future<?>> written = new ArrayList<>();
        try {
            province.forEachInstrumentBatch(1000, batch -> {
                inHand.acquireUninterruptibly();
                written.add(writers.submit(() -> {
                    try {
                        demoRepository.insertInstruments(batch.instruments());
                        demoRepository.insertCalibrations(batch.calibrations());
                        demoRepository.insertReferenceLinks(batch.references());
                    } finally {
                        inHand.release();
                    }
                }));
                totals[0] += batch.instruments().size();
                totals[1] += batch.calibrations().size();
                totals[2] += batch.references().size();
            });
            for (Future<?> f : written) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
        demoDemand.extend(new DemoSettings(false, SEED, scale, ANCHOR));
        // what the server's background statistics update does some time after a bulk load, done now: without it
        // the optimizer plans on the row counts of the empty tables
        dsl.execute("ANALYZE TABLE measurement_standard, measurement_standard_status, standard_assessment_certificate,"
                + " instrument, calibration, calibration_reference_standard, capability_demand");
        return totals;
    }

    private static String loadAverage() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
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
