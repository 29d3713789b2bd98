package org.metrolims.calibration.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /** Quantity → region code → the standards there, as columns (a tight scan, no boxing). */
    private final Map<Long, NavigableMap<String, Block>> byQuantityAndRegion = new HashMap<>();
    private final List<CoverageStandard> standards;
    /** Demand (by identity) → the positions of the standards that can serve it, in order. */
    private final Map<CapabilityDemand, int[]> servable = new java.util.IdentityHashMap<>();

    /**
     * The standards of one quantity in one region: positions in the list given, unit, range and U (NaN where the
     * standard states none), as {@link CoverageStandard#measures} reads them.
     */
    private static final class Block {
        int size;
        int[] positions = new int[4];
        String[] units = new String[4];
        double[] low = new double[4];
        double[] high = new double[4];
        double[] u = new double[4];

        void add(int position, CoverageStandard s) {
            if (size == positions.length) {
                int n = size * 2;
                positions = java.util.Arrays.copyOf(positions, n);
                units = java.util.Arrays.copyOf(units, n);
                low = java.util.Arrays.copyOf(low, n);
                high = java.util.Arrays.copyOf(high, n);
                u = java.util.Arrays.copyOf(u, n);
            }
            positions[size] = position;
            units[size] = s.unit();
            low[size] = s.rangeLow().orElse(Double.NaN);
            high[size] = s.rangeHigh().orElse(Double.NaN);
            u[size] = s.expandedUncertainty().orElse(Double.NaN);
            size++;
        }
    }

    /**
     * @param standards public standards (any status; {@code counts} decides)
     */
    public CoverageCalculator(List<CoverageStandard> standards) {
        this.standards = List.copyOf(standards);
        for (int i = 0; i < standards.size(); i++) {
            CoverageStandard s = standards.get(i);
            byQuantityAndRegion.computeIfAbsent(s.quantityId(), k -> new TreeMap<>())
                    .computeIfAbsent(s.regionCode(), k -> new Block()).add(i, s);
        }
    }

    /**
     * The positions of the standards that can serve the demand whatever the day ({@link CoverageStandard#canServe}),
     * in the order given, worked out once per demand (by identity): only those of its quantity in its region subtree
     * are looked at (a county's demand looks at its county's standards, not the province's).
     */
    private int[] servable(CapabilityDemand d) {
        int[] known = servable.get(d);
        if (known != null) {
            return known;
        }
        NavigableMap<String, Block> byRegion = byQuantityAndRegion.get(d.quantityId());
        int[] found = new int[0];
        int n = 0;
        if (byRegion != null) {
            String prefix = subtreePrefix(d.regionCode());
            for (Block b : byRegion.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
                for (int i = 0; i < b.size; i++) {
                    if (CoverageStandard.measures(b.units[i], b.low[i], b.high[i], b.u[i], d)) {
                        if (n == found.length) {
                            found = java.util.Arrays.copyOf(found, Math.max(4, n * 2));
                        }
                        found[n++] = b.positions[i];
                    }
                }
            }
        }
        int[] serving = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(serving);
        servable.put(d, serving);
        return serving;
    }

    /** The demand counted on a day: how much is demanded, and how much of it is capable and traceable. */
    public record Tally(long demanded, long capable, long traceable) {
    }

    /**
     * The figures' counts of {@link #verdicts} without listing the serving standards: each demand stops at the first
     * counting standard with a complete chain.
     *
     * @param counts   whether the standard at a position of the list given counts on the day
     * @param complete whether its chain is complete on the day (asked only of counting, serving ones)
     */
    public Tally tally(List<CapabilityDemand> demands, LocalDate asOf, String region, Optional<String> discipline,
            java.util.function.IntPredicate counts, java.util.function.IntPredicate complete) {
        String prefix = subtreePrefix(region);
        long demanded = 0;
        long capable = 0;
        long traceable = 0;
        for (CapabilityDemand d : demands) {
            if (!d.demandedOn(asOf) || !d.regionCode().startsWith(prefix)
                    || discipline.filter(x -> !x.equals(d.disciplineCode())).isPresent()) {
                continue;
            }
            demanded++;
            boolean isCapable = false;
            for (int position : servable(d)) {
                if (counts.test(position)) {
                    isCapable = true;
                    if (complete.test(position)) {
                        traceable++;
                        break;
                    }
                }
            }
            if (isCapable) {
                capable++;
            }
        }
        return new Tally(demanded, capable, traceable);
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
            for (int position : servable(d)) {
                CoverageStandard s = standards.get(position);
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
