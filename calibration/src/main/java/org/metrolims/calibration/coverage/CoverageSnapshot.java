package org.metrolims.calibration.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.standard.StandardCount;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.TraceGraph;

/**
 * Everything the figures need, loaded once: the traceability graph, the public standards and the demand. The graph
 * is either whole as of the latest date asked about (which holds every earlier date too: the analysis reads only
 * what was known on each date), or narrow: only the chains the figures can ask about on a fixed set of dates
 * ({@link CoverageMetrics#snapshot}); a narrow snapshot refuses any other date or chain rather than answer wrong.
 * Chain completeness is memoised per standard and date, and the analyzer memoises per calibration, so figures for
 * many regions and months cost one load. Not thread-safe.
 */
public final class CoverageSnapshot {

    /** DESIGN.md targets: traceability coverage ≥ 95%, capability coverage of demand ≥ 90%. */
    public static final BigDecimal TRACEABILITY_TARGET = new BigDecimal("0.95");
    public static final BigDecimal CAPABILITY_TARGET = new BigDecimal("0.90");

    private final TraceGraph graph;
    private final ChainAnalyzer analyzer;
    private final List<CapabilityDemand> demands;
    private final CoverageCalculator calculator;
    private final Map<LocalDate, Map<Long, Boolean>> complete = new HashMap<>();
    private final Optional<Set<LocalDate>> dates;
    private final Map<Long, Set<LocalDate>> chainsLoaded;

    /** A snapshot on the whole graph, for any date up to the one it was loaded for. */
    public CoverageSnapshot(TraceGraph graph, List<CoverageStandard> standards, List<CapabilityDemand> demands) {
        this(graph, standards, demands, Optional.empty(), Map.of());
    }

    /**
     * @param dates        when the graph is narrow, the only dates the snapshot answers for
     * @param chainsLoaded when the graph is narrow, the standards whose chains it holds, each with its dates
     */
    CoverageSnapshot(TraceGraph graph, List<CoverageStandard> standards, List<CapabilityDemand> demands,
            Optional<Set<LocalDate>> dates, Map<Long, Set<LocalDate>> chainsLoaded) {
        this.graph = graph;
        this.analyzer = new ChainAnalyzer(graph);
        this.demands = List.copyOf(demands);
        this.calculator = new CoverageCalculator(standards);
        this.dates = dates.map(Set::copyOf);
        this.chainsLoaded = Map.copyOf(chainsLoaded);
    }

    public boolean counts(long standardId, LocalDate asOf) {
        dates.filter(d -> !d.contains(asOf)).ifPresent(d -> {
            throw new IllegalArgumentException("This coverage snapshot was loaded for " + d + ", not " + asOf);
        });
        return graph.standard(standardId).map(s -> s.countsOn(asOf)).orElse(false);
    }

    public boolean complete(long standardId, LocalDate asOf) {
        if (dates.isPresent() && !chainsLoaded.getOrDefault(standardId, Set.of()).contains(asOf)) {
            throw new IllegalArgumentException("This coverage snapshot holds no chain of standard " + standardId
                    + " on " + asOf);
        }
        return complete.computeIfAbsent(asOf, k -> new HashMap<>())
                .computeIfAbsent(standardId, id -> analyzer.complete(id, asOf));
    }

    public List<DemandVerdict> verdicts(LocalDate asOf, String region, Optional<String> discipline) {
        return calculator.verdicts(demands, asOf, region, discipline, id -> counts(id, asOf),
                id -> complete(id, asOf));
    }

    /** The four figures, the standard counts given (from {@code StandardCounts}, the one counting rule). */
    public CoverageFigures figures(LocalDate asOf, String region, Optional<String> discipline, StandardCount count) {
        List<DemandVerdict> v = verdicts(asOf, region, discipline);
        long capable = v.stream().filter(DemandVerdict::capable).count();
        long traceable = v.stream().filter(DemandVerdict::traceable).count();
        return new CoverageFigures(asOf, region, discipline,
                Figure.count("publicStandards", count.publicStandards(), StandardCount.PUBLIC_TARGET),
                Figure.count("provincialStandards", count.provincialStandards(), StandardCount.PROVINCIAL_TARGET),
                Figure.ratio("traceabilityCoverage", traceable, v.size(), TRACEABILITY_TARGET),
                Figure.ratio("capabilityCoverage", capable, v.size(), CAPABILITY_TARGET));
    }
}
