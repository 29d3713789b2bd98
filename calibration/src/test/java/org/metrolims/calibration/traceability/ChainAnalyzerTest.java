package org.metrolims.calibration.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.traceability.TraceGraph.CalibrationLink;
import org.metrolims.calibration.traceability.TraceGraph.RootKind;
import org.metrolims.calibration.traceability.TraceGraph.StandardNode;
import org.metrolims.calibration.traceability.TraceGraph.StatusChange;
import org.metrolims.calibration.traceability.TraceGraph.Validity;

/** Hand-built provinces where every verdict is known. */
class ChainAnalyzerTest {

    static final String NIM = "National Institute of Metrology, China";
    static final String PTB = "Physikalisch-Technische Bundesanstalt (PTB), Germany";
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** A little province under construction. */
    static final class Province {
        final List<StandardNode> standards = new ArrayList<>();
        final Map<Long, List<Long>> equipment = new HashMap<>();
        final List<CalibrationLink> calibrations = new ArrayList<>();
        long nextCalibration = 100;

        long standard(long id, String level, double u) {
            return standard(id, level, u, List.of(new StatusChange("ACTIVE", LocalDate.of(2010, 1, 1))));
        }

        long standard(long id, String level, double u, List<StatusChange> statuses) {
            standards.add(new StandardNode(id, "STD-" + id, level, 1, "kg", OptionalDouble.of(u), statuses,
                    List.of(new Validity(LocalDate.of(2010, 1, 1), LocalDate.of(2030, 12, 31)))));
            equipment.put(id, new ArrayList<>(List.of(id * 10)));
            return id;
        }

        /** A calibration of the standard's (first) equipment by the references. */
        long calibrate(long standard, LocalDate on, LocalDate until, Long... references) {
            long id = nextCalibration++;
            calibrations.add(new CalibrationLink(id, "CAL-" + id, standard * 10, on, Optional.of(until),
                    List.of(references), Optional.empty(), Optional.empty(), Optional.empty()));
            return id;
        }

        long external(long standard, LocalDate on, LocalDate until, String issuer, String cmc) {
            long id = nextCalibration++;
            calibrations.add(new CalibrationLink(id, "EXT-" + id, standard * 10, on, Optional.of(until), List.of(),
                    Optional.of(issuer), Optional.of("CERT-" + id), Optional.ofNullable(cmc)));
            return id;
        }

        ChainAnalyzer analyzer() {
            return new ChainAnalyzer(new TraceGraph(standards, equipment, calibrations,
                    Map.of(NIM, RootKind.NATIONAL_METROLOGY_INSTITUTE, PTB, RootKind.CIPM_MRA_NMI)));
        }
    }

    /** Provincial 1 (NIM) → city 2 → county 3, each calibration valid on the day it was used. */
    static Province threeLevels() {
        Province p = new Province();
        p.standard(1, "PROVINCIAL_PUBLIC", 0.001);
        p.standard(2, "CITY_PUBLIC", 0.002);
        p.standard(3, "COUNTY_PUBLIC", 0.010);
        p.external(1, LocalDate.of(2025, 1, 10), LocalDate.of(2027, 1, 9), NIM, null);
        p.calibrate(2, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31), 1L);
        p.calibrate(2, LocalDate.of(2026, 5, 20), LocalDate.of(2027, 5, 19), 1L);
        p.calibrate(3, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), 2L);
        return p;
    }

    @Test
    void aChainOfValidCalibrationsUpToTheNmiIsComplete() {
        ChainAnalyzer analyzer = threeLevels().analyzer();
        Chain chain = analyzer.chain(3, AS_OF).orElseThrow();
        assertThat(chain.complete()).isTrue();
        assertThat(analyzer.complete(3, AS_OF)).isTrue();
        assertThat(chain.links()).hasSize(3);
        assertThat(chain.links()).allMatch(l -> l.problems().isEmpty());
        assertThat(chain.nodes()).extracting(ChainNode::key).containsExactly("S3", "S2", "S1", "R100");
        // the county's calibration (2025-07-01) used the city's calibration of 2025-06-01, not the later one
        assertThat(chain.links().get(1).calibrationNo()).contains("CAL-101");
    }

    @Test
    void aCalibrationValidThroughTheAsOfDateCountsAndBreaksTheDayAfter() {
        ChainAnalyzer analyzer = threeLevels().analyzer();
        assertThat(analyzer.complete(3, LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(analyzer.complete(3, LocalDate.of(2026, 7, 1))).isFalse();
        Chain after = analyzer.chain(3, LocalDate.of(2026, 7, 1)).orElseThrow();
        assertThat(after.complete()).isFalse();
        assertThat(after.links().get(0).problems()).containsExactly(LinkProblem.EXPIRED_WHEN_USED);
    }

    @Test
    void aReferenceWhoseOwnCalibrationHadExpiredWhenUsedBreaksTheChain() {
        Province p = threeLevels();
        // county standard 6 was calibrated on 2026-01-15 against city standard 7, whose own calibration had
        // expired on 2025-01-01: the county's certificate is still in date, its chain is not
        p.standard(7, "CITY_PUBLIC", 0.002);
        p.calibrate(7, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), 1L);
        p.standard(6, "COUNTY_PUBLIC", 0.01);
        p.calibrate(6, LocalDate.of(2026, 1, 15), LocalDate.of(2027, 1, 14), 7L);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.complete(6, AS_OF)).isFalse();
        Chain chain = analyzer.chain(6, AS_OF).orElseThrow();
        assertThat(chain.links()).filteredOn(l -> l.from().equals("S7"))
                .singleElement().satisfies(l -> {
                    assertThat(l.problems()).containsExactly(LinkProblem.EXPIRED_WHEN_USED);
                    assertThat(l.usedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
                });
    }

    @Test
    void twoStandardsCalibratingEachOtherAreACycle() {
        Province p = new Province();
        p.standard(1, "CITY_PUBLIC", 0.002);
        p.standard(2, "CITY_PUBLIC", 0.002);
        p.calibrate(1, LocalDate.of(2026, 1, 10), LocalDate.of(2027, 1, 9), 2L);
        p.calibrate(2, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4), 1L);
        p.calibrate(1, LocalDate.of(2025, 1, 10), LocalDate.of(2026, 1, 9), 2L);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.complete(1, AS_OF)).isFalse();
        Chain chain = analyzer.chain(1, AS_OF).orElseThrow();
        assertThat(chain.complete()).isFalse();
        assertThat(chain.links()).anySatisfy(l -> assertThat(l.problems()).contains(LinkProblem.CYCLE));
    }

    @Test
    void aRootThatIsNoNmiOrAnMraNmiWithoutItsCmcBreaksTheChain() {
        Province p = new Province();
        p.standard(1, "PROVINCIAL_PUBLIC", 0.001);
        p.external(1, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), "Acme Calibration Services Ltd.", null);
        p.standard(2, "PROVINCIAL_PUBLIC", 0.001);
        p.external(2, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), PTB, null);
        p.standard(3, "PROVINCIAL_PUBLIC", 0.001);
        p.external(3, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), "  physikalisch-technische bundesanstalt (ptb), germany ",
                "CIPM MRA KCDB: PTB CMC, mass");
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.chain(1, AS_OF).orElseThrow().links().get(0).problems())
                .containsExactly(LinkProblem.ROOT_NOT_NMI);
        assertThat(analyzer.complete(1, AS_OF)).isFalse();
        assertThat(analyzer.complete(2, AS_OF)).isFalse();
        assertThat(analyzer.complete(3, AS_OF)).isTrue();
    }

    @Test
    void aReferenceUsedWhileSuspendedBreaksTheChainAndOneUsedAfterReinstatementDoesNot() {
        Province p = new Province();
        p.standard(1, "PROVINCIAL_PUBLIC", 0.001, List.of(
                new StatusChange("ACTIVE", LocalDate.of(2010, 1, 1)),
                new StatusChange("SUSPENDED", LocalDate.of(2026, 2, 1)),
                new StatusChange("ACTIVE", LocalDate.of(2026, 3, 1))));
        p.external(1, LocalDate.of(2025, 1, 10), LocalDate.of(2027, 1, 9), NIM, null);
        p.standard(2, "CITY_PUBLIC", 0.002);
        p.calibrate(2, LocalDate.of(2026, 2, 15), LocalDate.of(2027, 2, 14), 1L);
        p.standard(3, "CITY_PUBLIC", 0.002);
        p.calibrate(3, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), 1L);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.chain(2, AS_OF).orElseThrow().links().get(0).problems())
                .containsExactly(LinkProblem.REFERENCE_NOT_IN_SERVICE);
        assertThat(analyzer.complete(2, AS_OF)).isFalse();
        assertThat(analyzer.complete(3, AS_OF)).isTrue();
    }

    @Test
    void anUncertaintyThatShrinksGoingDownBreaksTheChainAndARatioUnderFourOnlyWarns() {
        Province p = new Province();
        p.standard(1, "PROVINCIAL_PUBLIC", 0.004);
        p.external(1, LocalDate.of(2025, 1, 10), LocalDate.of(2027, 1, 9), NIM, null);
        p.standard(2, "CITY_PUBLIC", 0.002);
        p.calibrate(2, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 1L);
        p.standard(3, "CITY_PUBLIC", 0.010);
        p.calibrate(3, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 1L);
        ChainAnalyzer analyzer = p.analyzer();
        ChainLink shrinking = analyzer.chain(2, AS_OF).orElseThrow().links().get(0);
        assertThat(shrinking.problems()).containsExactly(LinkProblem.UNCERTAINTY_SHRINKS);
        assertThat(shrinking.uncertaintyRatio().orElseThrow()).isCloseTo(0.5, within(1e-12));
        Chain low = analyzer.chain(3, AS_OF).orElseThrow();
        assertThat(low.complete()).isTrue();
        assertThat(low.links().get(0).warnings()).containsExactly(LinkWarning.LOW_UNCERTAINTY_RATIO);
        assertThat(low.links().get(0).uncertaintyRatio().orElseThrow()).isCloseTo(2.5, within(1e-12));
        assertThat(analyzer.complete(2, AS_OF)).isFalse();
        assertThat(analyzer.complete(3, AS_OF)).isTrue();
    }

    @Test
    void aCalibrationNamingNoReferenceOrEquipmentNeverCalibratedIsAMissingLink() {
        Province p = new Province();
        p.standard(1, "CITY_PUBLIC", 0.002);
        p.calibrate(1, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        p.standard(2, "CITY_PUBLIC", 0.002);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.chain(1, AS_OF).orElseThrow().links().get(0).problems())
                .containsExactly(LinkProblem.MISSING_LINK);
        Chain never = analyzer.chain(2, AS_OF).orElseThrow();
        assertThat(never.links().get(0).problems()).containsExactly(LinkProblem.MISSING_LINK);
        assertThat(never.nodes()).extracting(ChainNode::kind).contains(ChainNode.Kind.MISSING);
        assertThat(analyzer.complete(1, AS_OF)).isFalse();
        assertThat(analyzer.complete(2, AS_OF)).isFalse();
    }

    @Test
    void everyItemOfEquipmentMustBeTraceable() {
        Province p = threeLevels();
        p.equipment.get(3L).add(31L);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.complete(3, AS_OF)).isFalse();
        assertThat(analyzer.chain(3, AS_OF).orElseThrow().complete()).isFalse();
    }

    @Test
    void aNationalPrimaryStandardIsARootByItself() {
        Province p = new Province();
        p.standard(1, "NATIONAL", 0.0001);
        p.equipment.put(1L, List.of());
        p.standard(2, "PROVINCIAL_PUBLIC", 0.001);
        p.calibrate(2, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 1L);
        ChainAnalyzer analyzer = p.analyzer();
        assertThat(analyzer.complete(2, AS_OF)).isTrue();
        assertThat(analyzer.chain(2, AS_OF).orElseThrow().complete()).isTrue();
    }
}
