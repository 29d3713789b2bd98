package org.metrolims.calibration.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.standard.StandardCount;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.DayRange;
import org.metrolims.calibration.traceability.StandardTrace;
import org.metrolims.calibration.traceability.TraceGraph;

/**
 * Everything the figures need, loaded once: the public standards, the demand, and for each standard whether it counts
 * and whether its chain is complete on a day. Those two come either from the maintained summary
 * ({@link CoverageMetrics#snapshot}: a few day ranges per standard, for the span of days it was loaded for; it refuses
 * any other day rather than answer wrong), or from a whole traceability graph, judged chain by chain (for any day up
 * to the one the graph was loaded for; memoised per standard and day). Figures for many regions and months cost one
 * load. Not thread-safe.
 */
public final class CoverageSnapshot {

    /** DESIGN.md targets: traceability coverage ≥ 95%, capability coverage of demand ≥ 90%. */
    public static final BigDecimal TRACEABILITY_TARGET = new BigDecimal("0.95");
    public static final BigDecimal CAPABILITY_TARGET = new BigDecimal("0.90");

    /** Whether a standard has a property on a day. */
    private interface DayTest {
        boolean test(long standardId, LocalDate day);
    }

    /** Where the two verdicts come from. */
    private record Verdicts(DayTest counts, DayTest complete) {
    }

    private final DayTest counts;
    private final DayTest complete;
    private final Optional<DayRange> span;
    private final List<CoverageStandard> standards;
    private final List<CapabilityDemand> demands;
    private final CoverageCalculator calculator;
    private final Map<LocalDate, DayFlags> flags = new HashMap<>();

    /**
     * Each standard's verdicts on one day by its position in the standards list: whether it counts, worked out for all
     * at once, and whether its chain is complete, asked lazily (0 unknown, 1 no, 2 yes) — only of counting standards
     * that serve a demand.
     */
    private final class DayFlags {
        final boolean[] counts;
        final byte[] complete;
        final LocalDate day;

        DayFlags(LocalDate day) {
            this.day = day;
            this.counts = new boolean[standards.size()];
            this.complete = new byte[standards.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = CoverageSnapshot.this.counts.test(standards.get(i).id(), day);
            }
        }

        boolean complete(int position) {
            if (complete[position] == 0) {
                complete[position] = CoverageSnapshot.this.complete.test(standards.get(position).id(), day)
                        ? (byte) 2 : (byte) 1;
            }
            return complete[position] == 2;
        }
    }

    private DayFlags flags(LocalDate day) {
        checkDay(day);
        return flags.computeIfAbsent(day, DayFlags::new);
    }

    /** A snapshot judging chains on the whole graph, for any date up to the one it was loaded for. */
    public CoverageSnapshot(TraceGraph graph, List<CoverageStandard> standards, List<CapabilityDemand> demands) {
        this(byGraph(graph), standards, demands, Optional.empty());
    }

    /** A snapshot on the maintained summary's traces (those touching {@code span}), for the days of {@code span}. */
    static CoverageSnapshot ofTraces(Map<Long, StandardTrace> traces, List<CoverageStandard> standards,
            List<CapabilityDemand> demands, DayRange span) {
        DayTest counts = (id, day) -> {
            StandardTrace t = traces.get(id);
            return t != null && t.countsOn(day);
        };
        DayTest complete = (id, day) -> {
            StandardTrace t = traces.get(id);
            return t != null && t.completeOn(day);
        };
        return new CoverageSnapshot(new Verdicts(counts, complete), standards, demands, Optional.of(span));
    }

    private static Verdicts byGraph(TraceGraph graph) {
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        Map<LocalDate, Map<Long, Boolean>> memo = new HashMap<>();
        DayTest counts = (id, day) -> graph.standard(id).map(s -> s.countsOn(day)).orElse(false);
        DayTest complete = (id, day) -> memo.computeIfAbsent(day, k -> new HashMap<>())
                .computeIfAbsent(id, k -> analyzer.complete(k, day));
        return new Verdicts(counts, complete);
    }

    private CoverageSnapshot(Verdicts verdicts, List<CoverageStandard> standards, List<CapabilityDemand> demands,
            Optional<DayRange> span) {
        this.counts = verdicts.counts();
        this.complete = verdicts.complete();
        this.span = span;
        this.standards = List.copyOf(standards);
        this.demands = List.copyOf(demands);
        this.calculator = new CoverageCalculator(standards);
    }

    private void checkDay(LocalDate day) {
        span.filter(s -> !s.contains(day)).ifPresent(s -> {
            throw new IllegalArgumentException("This coverage snapshot was loaded for the days from " + s.from()
                    + " to " + s.until() + ", not " + day);
        });
    }

    public boolean counts(long standardId, LocalDate asOf) {
        checkDay(asOf);
        return counts.test(standardId, asOf);
    }

    public boolean complete(long standardId, LocalDate asOf) {
        checkDay(asOf);
        return complete.test(standardId, asOf);
    }

    public List<DemandVerdict> verdicts(LocalDate asOf, String region, Optional<String> discipline) {
        checkDay(asOf);
        return calculator.verdicts(demands, asOf, region, discipline, id -> counts.test(id, asOf),
                id -> complete.test(id, asOf));
    }

    /**
     * The public standards that count on the day in the region's subtree (and discipline), by the same rule as
     * {@code StandardCounts}, which the tests check.
     */
    public StandardCount standardCount(LocalDate asOf, String region, Optional<String> discipline) {
        DayFlags day = flags(asOf);
        String prefix = CoverageCalculator.subtreePrefix(region);
        long all = 0;
        long provincial = 0;
        for (int i = 0; i < standards.size(); i++) {
            CoverageStandard s = standards.get(i);
            if (day.counts[i] && s.regionCode().startsWith(prefix)
                    && discipline.map(s.disciplineCode()::equals).orElse(true)) {
                all++;
                if (StandardLevel.PROVINCIAL_PUBLIC.name().equals(s.level())) {
                    provincial++;
                }
            }
        }
        return new StandardCount(asOf, region, all, provincial);
    }

    /** The four figures, the standards counted from this snapshot. */
    public CoverageFigures figures(LocalDate asOf, String region, Optional<String> discipline) {
        return figures(asOf, region, discipline, standardCount(asOf, region, discipline));
    }

    /** The four figures, the standard counts given. */
    public CoverageFigures figures(LocalDate asOf, String region, Optional<String> discipline, StandardCount count) {
        DayFlags day = flags(asOf);
        CoverageCalculator.Tally t = calculator.tally(demands, asOf, region, discipline, p -> day.counts[p],
                day::complete);
        return new CoverageFigures(asOf, region, discipline,
                Figure.count("publicStandards", count.publicStandards(), StandardCount.PUBLIC_TARGET),
                Figure.count("provincialStandards", count.provincialStandards(), StandardCount.PROVINCIAL_TARGET),
                Figure.ratio("traceabilityCoverage", t.traceable(), t.demanded(), TRACEABILITY_TARGET),
                Figure.ratio("capabilityCoverage", t.capable(), t.demanded(), CAPABILITY_TARGET));
    }
}
