package org.metrolims.calibration.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Capability and traceability coverage of demand, pure Java.
 *
 * <ul>
 *   <li><b>capability coverage</b> (计量检定校准测试能力覆盖率, county plans' target 90%): the demanded capabilities on
 *       the date that at least one <em>counting</em> public standard {@linkplain CoverageStandard#canServe can
 *       serve}, whatever its chain, over all demanded capabilities;</li>
 *   <li><b>traceability coverage</b> (量传溯源体系覆盖率, target 95%, DESIGN.md): the demanded capabilities served by
 *       at least one counting public standard whose chain is complete on the date, over all demanded
 *       capabilities.</li>
 * </ul>
 * So traceability coverage is never above capability coverage. Demand is selected by the region asked for (its
 * subtree: a city includes its counties) and the discipline; the standards that serve a demand are those in the
 * demand's own region subtree.
 */
public final class CoverageCalculator {

    /** Quantity → region code → the standards there, each with its position in the list given. */
    private final Map<Long, NavigableMap<String, List<Positioned>>> byQuantityAndRegion = new HashMap<>();

    private final Map<CapabilityDemand, List<CoverageStandard>> servable = new java.util.IdentityHashMap<>();

    private record Positioned(int position, CoverageStandard standard) {
    }

    /**
     * @param standards public standards (any status; {@code counts} decides)
     */
    public CoverageCalculator(List<CoverageStandard> standards) {
        for (int i = 0; i < standards.size(); i++) {
            CoverageStandard s = standards.get(i);
            byQuantityAndRegion.computeIfAbsent(s.quantityId(), k -> new TreeMap<>())
                    .computeIfAbsent(s.regionCode(), k -> new ArrayList<>()).add(new Positioned(i, s));
        }
    }

    /**
     * The standards that can serve the demand whatever the day, in the order given, worked out once per demand (by
     * identity): only those of its quantity in its region subtree are looked at (a county's demand looks at its
     * county's standards, not the province's), the subtree found once, and only the few that serve are sorted.
     */
    private List<CoverageStandard> servable(CapabilityDemand d) {
        List<CoverageStandard> known = servable.get(d);
        if (known != null) {
            return known;
        }
        NavigableMap<String, List<Positioned>> byRegion = byQuantityAndRegion.get(d.quantityId());
        List<Positioned> found = new ArrayList<>();
        if (byRegion != null) {
            String prefix = subtreePrefix(d.regionCode());
            for (List<Positioned> here : byRegion.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
                for (Positioned p : here) {
                    if (p.standard().measuresFor(d)) {
                        found.add(p);
                    }
                }
            }
            found.sort(Comparator.comparingInt(Positioned::position));
        }
        List<CoverageStandard> serving = found.stream().map(Positioned::standard).toList();
        servable.put(d, serving);
        return serving;
    }

    /** How one demand stands: the counting standards that can serve it, and whether one has a complete chain. */
    public record DemandVerdict(CapabilityDemand demand, List<CoverageStandard> servedBy, boolean capable,
            boolean traceable) {
    }

    /**
     * @param counts   whether a standard counts on the date
     * @param complete whether a standard's chain is complete on the date (asked only of counting, serving ones)
     */
    public List<DemandVerdict> verdicts(List<CapabilityDemand> demands, LocalDate asOf, String region,
            Optional<String> discipline, LongPredicate counts, LongPredicate complete) {
        String prefix = subtreePrefix(region);
        List<DemandVerdict> out = new ArrayList<>();
        for (CapabilityDemand d : demands) {
            if (!d.demandedOn(asOf) || !d.regionCode().startsWith(prefix)
                    || discipline.filter(x -> !x.equals(d.disciplineCode())).isPresent()) {
                continue;
            }
            List<CoverageStandard> serving = new ArrayList<>();
            boolean traceable = false;
            for (CoverageStandard s : servable(d)) {
                if (counts.test(s.id())) {
                    serving.add(s);
                    if (!traceable && complete.test(s.id())) {
                        traceable = true;
                    }
                }
            }
            out.add(new DemandVerdict(d, serving, !serving.isEmpty(), traceable));
        }
        return out;
    }

    /** The prefix of every GB/T 2260 code in the region's subtree (350000 → 35, 350200 → 3502, 350203 → itself). */
    static String subtreePrefix(String code) {
        return new org.metrolims.db.reference.RegionCode(code).subtreePrefix();
    }
}
