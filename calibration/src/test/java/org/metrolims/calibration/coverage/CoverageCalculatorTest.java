package org.metrolims.calibration.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;

/** A hand-built province: a city (350200) with a county (350203), and a second city (350100). */
class CoverageCalculatorTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    static CoverageStandard standard(long id, String region, double low, double high, double u) {
        return new CoverageStandard(id, "S" + id, "CITY_PUBLIC", region, 1, "MECHANICS", Optional.of(low),
                Optional.of(high), "kg", Optional.of(u));
    }

    static CapabilityDemand demand(long id, String region, double low, double high, double needed) {
        return new CapabilityDemand(id, region, 1, "MASS", "MECHANICS", low, high, "kg", needed,
                LocalDate.of(2025, 1, 1), Optional.empty());
    }

    final List<CoverageStandard> standards = List.of(
            standard(1, "350200", 0, 100, 0.01),   // city standard, complete chain
            standard(2, "350203", 0, 10, 0.05),    // county standard, broken chain
            standard(3, "350100", 0, 1000, 0.001), // other city, does not count (suspended)
            standard(4, "350203", 0, 50, 0.02));   // county standard, counts, broken chain
    final Set<Long> counting = Set.of(1L, 2L, 4L);
    final Set<Long> complete = Set.of(1L, 3L);

    List<DemandVerdict> verdicts(String region, List<CapabilityDemand> demands) {
        CoverageCalculator calculator = new CoverageCalculator(standards);
        List<DemandVerdict> v = calculator.verdicts(demands, AS_OF, region, Optional.empty(), counting::contains,
                complete::contains);
        // the figures' tally (by position, stopping at the first traceable standard) counts what the verdicts list
        assertThat(calculator.tally(demands, AS_OF, region, Optional.empty(),
                p -> counting.contains(standards.get(p).id()), p -> complete.contains(standards.get(p).id())))
                .isEqualTo(new CoverageCalculator.Tally(v.size(), v.stream().filter(DemandVerdict::capable).count(),
                        v.stream().filter(DemandVerdict::traceable).count()));
        return v;
    }

    @Test
    void aCountyDemandIsServedOnlyByStandardsInThatCountyAndACityDemandByTheCityAndItsCounties() {
        List<DemandVerdict> v = verdicts("350000", List.of(
                demand(1, "350203", 1, 5, 0.05),   // county: 2 and 4 serve, both broken → capable, not traceable
                demand(2, "350200", 1, 5, 0.05),   // city: 1, 2 and 4 serve, 1 complete → traceable
                demand(3, "350100", 1, 5, 0.05))); // other city: only 3, which does not count → neither
        assertThat(v).extracting(DemandVerdict::capable).containsExactly(true, true, false);
        assertThat(v).extracting(DemandVerdict::traceable).containsExactly(false, true, false);
        assertThat(v.get(1).servedBy()).extracting(CoverageStandard::id).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aStandardServesOnlyWhenItsRangeCoversTheDemandAndItsUncertaintyIsNoLargerThanNeeded() {
        List<DemandVerdict> v = verdicts("350000", List.of(
                demand(1, "350200", 1, 200, 0.05),   // beyond every range in the city
                demand(2, "350200", 1, 5, 0.005),    // needs better than 0.01
                demand(3, "350200", 1, 5, 0.01)));   // exactly the city standard's U: served
        assertThat(v).extracting(DemandVerdict::capable).containsExactly(false, false, true);
    }

    @Test
    void aCityFigureIncludesItsCountiesDemandAndNotTheOtherCitys() {
        List<CapabilityDemand> demands = List.of(demand(1, "350203", 1, 5, 0.05), demand(2, "350200", 1, 5, 0.05),
                demand(3, "350100", 1, 5, 0.05));
        assertThat(verdicts("350200", demands)).extracting(d -> d.demand().id()).containsExactly(1L, 2L);
        assertThat(verdicts("350203", demands)).extracting(d -> d.demand().id()).containsExactly(1L);
        assertThat(verdicts("350100", demands)).extracting(d -> d.demand().id()).containsExactly(3L);
    }

    @Test
    void demandOutsideItsPeriodIsLeftOut() {
        CapabilityDemand later = new CapabilityDemand(9, "350200", 1, "MASS", "MECHANICS", 1, 5, "kg", 0.05,
                AS_OF.plusDays(1), Optional.empty());
        CapabilityDemand ended = new CapabilityDemand(10, "350200", 1, "MASS", "MECHANICS", 1, 5, "kg", 0.05,
                LocalDate.of(2020, 1, 1), Optional.of(AS_OF.minusDays(1)));
        CapabilityDemand lastDay = new CapabilityDemand(11, "350200", 1, "MASS", "MECHANICS", 1, 5, "kg", 0.05,
                LocalDate.of(2020, 1, 1), Optional.of(AS_OF));
        assertThat(verdicts("350000", List.of(later, ended, lastDay))).extracting(d -> d.demand().id())
                .containsExactly(11L);
    }

    @Test
    void ratiosAreRoundedToFourDecimalsWithTheGapToTheTarget() {
        Figure f = Figure.ratio("traceabilityCoverage", 2, 3, new BigDecimal("0.95"));
        assertThat(f.value()).isEqualByComparingTo("0.6667");
        assertThat(f.gap()).isEqualByComparingTo("0.2833");
        assertThat(f.met()).isFalse();
        assertThat(Figure.ratio("x", 0, 0, new BigDecimal("0.9")).value()).isEqualByComparingTo("1");
        Figure count = Figure.count("publicStandards", 1800, 2000);
        assertThat(count.gap()).isEqualByComparingTo("200");
        assertThat(count.denominator()).isEqualTo(2000);
    }
}
