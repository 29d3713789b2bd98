package org.metrolims.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metrolims.calibration.coverage.CapabilityDemand;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.calibration.coverage.NewDemand;
import org.metrolims.calibration.traceability.ChainAnalyzer;
import org.metrolims.calibration.traceability.TraceGraph;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo province's demand (capability_demand), derived from its public standards so that the dashboard shows
 * realistic figures: most standards have some demand they serve (about 60% of counting standards, 30% of the
 * others, a range inside theirs and a needed uncertainty 1.0–1.6 times their claim); about 5% more demand asks for
 * three times better than the region's standards can give (never served); and every counting standard whose chain
 * is broken on the anchor date (the province's deliberate gaps) and that no sound standard of its region could
 * stand in for gets four demands needing exactly its uncertainty, so those gaps show in traceability coverage;
 * and three cities chosen by the seed get demand their standards cannot meet (a county without a standard of the
 * quantity, or a need four times beyond the local standards) until they meet only 80–87% of it, under the county
 * plans' 90% capability target ({@link #localShortfalls}). Deterministic in the seed; ids in standard order. Demand
 * starts 1–3 years before the anchor date.
 */
@Component
@Order(40)
class CoverageDemoDemand implements DemoProvinceExtension {

    private final CoverageMetrics coverage;
    private final TraceabilityAnalysis traceability;

    CoverageDemoDemand(CoverageMetrics coverage, TraceabilityAnalysis traceability) {
        this.coverage = coverage;
        this.traceability = traceability;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        LocalDate anchor = settings.anchorDate();
        SplittableRandom rng = new SplittableRandom(settings.seed() ^ 0x436F766572616765L);
        // the broken standards' own demand draws from a stream of its own, so the rest of the demand does not depend
        // on how many of them there are
        SplittableRandom gapRng = new SplittableRandom(settings.seed() ^ 0x4761707344656D64L);
        TraceGraph graph = traceability.graphAsOf(anchor);
        ChainAnalyzer analyzer = new ChainAnalyzer(graph);
        Map<String, Long> regionIds = new HashMap<>();
        coverage.regions().forEach(r -> regionIds.put(r.code(), r.id()));
        List<NewDemand> rows = new ArrayList<>();
        List<CoverageStandard> standards = coverage.publicStandards();
        for (CoverageStandard s : standards) {
            if (s.expandedUncertainty().isEmpty() || s.rangeLow().isEmpty() || s.rangeHigh().isEmpty()) {
                continue;
            }
            boolean counts = graph.standard(s.id()).map(n -> n.countsOn(anchor)).orElse(false);
            double low = s.rangeLow().get();
            double high = s.rangeHigh().get();
            double u = s.expandedUncertainty().get();
            long region = regionIds.get(s.regionCode());
            if (rng.nextDouble() < (counts ? 0.6 : 0.3)) {
                rows.add(demand(rng, region, s, low, high, u * (1.0 + 0.6 * rng.nextDouble()), anchor, null));
            }
            if (rng.nextDouble() < 0.05) {
                rows.add(demand(rng, region, s, low, high, u / 3, anchor, "beyond the region's standards"));
            }
            if (counts && !analyzer.complete(s.id(), anchor) && soleServer(s, standards, graph, analyzer, anchor)) {
                for (int i = 0; i < 4; i++) {
                    rows.add(demand(gapRng, region, s, low, high, u, anchor, null));
                }
            }
        }
        rows.addAll(localShortfalls(rng, rows, standards, graph, anchor, regionIds));
        coverage.recordDemand(rows, "demo");
        return Map.of("capability_demand", (long) rows.size());
    }

    /** How many cities (chosen by the seed) fall short of the 90% capability target on the anchor date. */
    static final int SHORT_CITIES = 3;

    /**
     * Demand the local standards cannot meet, in {@value #SHORT_CITIES} cities chosen by the seed, until each of them
     * meets only 80–87% of its demand (the county plans' target is 90%): half of it asks a county for a quantity no
     * counting standard of that county measures, half asks for four times better than the standard nearest to it.
     * Every such demand is checked to be served by no counting standard, so the shortfall is exact and a user can
     * drill into it from the dashboard's city table.
     */
    private static List<NewDemand> localShortfalls(SplittableRandom rng, List<NewDemand> rows,
            List<CoverageStandard> standards, TraceGraph graph, LocalDate anchor, Map<String, Long> regionIds) {
        Map<Long, String> codeOf = new HashMap<>();
        regionIds.forEach((code, id) -> codeOf.put(id, code));
        Map<Long, List<CoverageStandard>> counting = new HashMap<>();
        for (CoverageStandard s : standards) {
            if (graph.standard(s.id()).map(n -> n.countsOn(anchor)).orElse(false)) {
                counting.computeIfAbsent(s.quantityId(), k -> new ArrayList<>()).add(s);
            }
        }
        java.util.TreeMap<String, long[]> perCity = new java.util.TreeMap<>();
        for (NewDemand d : rows) {
            String region = codeOf.get(d.regionId());
            long[] tally = perCity.computeIfAbsent(cityOf(region), k -> new long[2]);
            tally[0]++;
            if (served(probe(d, region), counting)) {
                tally[1]++;
            }
        }
        List<String> cities = new ArrayList<>(perCity.keySet());
        cities.remove("350000");
        for (int i = cities.size() - 1; i > 0; i--) {
            java.util.Collections.swap(cities, i, rng.nextInt(i + 1));
        }
        List<NewDemand> out = new ArrayList<>();
        for (String city : cities.subList(0, Math.min(SHORT_CITIES, cities.size()))) {
            long total = perCity.get(city)[0];
            long capable = perCity.get(city)[1];
            double target = 0.80 + 0.07 * rng.nextDouble();
            long wanted = (long) Math.ceil(capable / target - total);
            String prefix = city.substring(0, 4);
            List<CoverageStandard> local = standards.stream()
                    .filter(s -> s.regionCode().startsWith(prefix) && s.expandedUncertainty().isPresent()
                            && s.rangeLow().isPresent() && s.rangeHigh().isPresent())
                    .filter(s -> counting.getOrDefault(s.quantityId(), List.of()).contains(s))
                    .toList();
            List<String> counties = regionIds.keySet().stream()
                    .filter(c -> c.startsWith(prefix) && !c.endsWith("00")).sorted().toList();
            for (int attempt = 0, added = 0; added < wanted && attempt < 50 * wanted && !local.isEmpty(); attempt++) {
                CoverageStandard s = local.get(rng.nextInt(local.size()));
                double low = s.rangeLow().get();
                double high = s.rangeHigh().get();
                double u = s.expandedUncertainty().get();
                boolean noLocalStandard = attempt % 2 == 0 && !counties.isEmpty();
                String region = noLocalStandard ? counties.get(rng.nextInt(counties.size())) : s.regionCode();
                NewDemand d = noLocalStandard
                        ? demand(rng, regionIds.get(region), s, low, high, u * 1.5, anchor,
                                "no standard of this quantity in the county")
                        : demand(rng, regionIds.get(region), s, low, high, u / 4, anchor,
                                "needs four times better than the local standards");
                if (!served(probe(d, region), counting)) {
                    out.add(d);
                    added++;
                }
            }
        }
        return out;
    }

    private static String cityOf(String region) {
        return region.substring(0, 4) + "00";
    }

    private static CapabilityDemand probe(NewDemand d, String region) {
        return new CapabilityDemand(0, region, d.quantityId(), "", "", d.rangeLow().doubleValue(),
                d.rangeHigh().doubleValue(), d.unit(), d.neededUncertainty().doubleValue(), d.demandedFrom(),
                Optional.empty());
    }

    private static boolean served(CapabilityDemand d, Map<Long, List<CoverageStandard>> counting) {
        return counting.getOrDefault(d.quantityId(), List.of()).stream().anyMatch(s -> s.canServe(d));
    }

    /**
     * Whether no other counting standard with a complete chain could serve a demand of this standard's region
     * for its whole range at exactly its uncertainty: then that demand shows the standard's broken chain.
     */
    private static boolean soleServer(CoverageStandard s, List<CoverageStandard> standards, TraceGraph graph,
            ChainAnalyzer analyzer, LocalDate anchor) {
        CapabilityDemand probe = new CapabilityDemand(0, s.regionCode(), s.quantityId(), "", s.disciplineCode(),
                s.rangeLow().orElseThrow(), s.rangeHigh().orElseThrow(), s.unit(), s.expandedUncertainty().orElseThrow(),
                anchor, Optional.empty());
        return standards.stream().filter(o -> o.id() != s.id() && o.canServe(probe))
                .noneMatch(o -> graph.standard(o.id()).orElseThrow().countsOn(anchor)
                        && analyzer.complete(o.id(), anchor));
    }

    private static NewDemand demand(SplittableRandom rng, long region, CoverageStandard s, double low, double high,
            double needed, LocalDate anchor, String note) {
        double span = high - low;
        BigDecimal from = round(low + span * 0.3 * rng.nextDouble(), RoundingMode.CEILING);
        BigDecimal to = round(low + span * (0.5 + 0.5 * rng.nextDouble()), RoundingMode.FLOOR);
        if (from.doubleValue() < low || from.compareTo(to) > 0) {
            from = BigDecimal.valueOf(low);
        }
        if (to.doubleValue() > high) {
            to = BigDecimal.valueOf(high);
        }
        BigDecimal u = BigDecimal.valueOf(needed).round(new MathContext(2, RoundingMode.CEILING));
        if (u.scale() > 12) {
            u = u.setScale(12, RoundingMode.CEILING);
        }
        LocalDate demandedFrom = anchor.minusYears(1).minusDays(rng.nextInt(730));
        return new NewDemand(region, s.quantityId(), from, to, s.unit(), u, demandedFrom, Optional.empty(),
                Optional.ofNullable(note));
    }

    private static BigDecimal round(double v, RoundingMode mode) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(6, mode));
        return b.scale() > 12 ? b.setScale(12, mode) : b;
    }
}
