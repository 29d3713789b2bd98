package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProficiencyScoringTest {

    /**
     * ISO 13528:2022 E.4, Tables E.6 and E.7: mercury in feed, x_pt = 0.044 with U(x_pt) = 0.0082 (k = 2),
     * sigma_pt = 0.0066; per lab: code, x, U(x), k, and the printed z, z', zeta, E_n (two decimals). Values as
     * transcribed in the pt13528 project's tests/annex_e_data.py.
     */
    static final Object[][] E4 = {
            {"L04", 0.013, 0.003, 2.0, -4.70, -3.99, -7.10, -3.55},
            {"L05", 0.013, 0.007, 2.0, -4.70, -3.99, -5.75, -2.88},
            {"L23", 0.0135, 0.00108, 1.732, -4.62, -3.93, -7.35, -3.69},
            {"L02", 0.014, 0.004, 2.0, -4.55, -3.86, -6.58, -3.29},
            {"L15", 0.014, 0.0005, 2.0, -4.55, -3.86, -7.30, -3.65},
            {"L06", 0.016, 0.003, 2.0, -4.24, -3.60, -6.41, -3.21},
            {"L09", 0.017, 0.008, 2.0, -4.09, -3.47, -4.71, -2.36},
            {"L26", 0.019, 0.003, 2.0, -3.79, -3.22, -5.73, -2.86},
            {"L12", 0.0239, 0.0036, 2.0, -3.05, -2.59, -4.49, -2.24},
            {"L03", 0.037, 0.013, 2.0, -1.06, -0.90, -0.91, -0.46},
            {"L29", 0.039, 0.007, 2.0, -0.76, -0.64, -0.93, -0.46},
            {"L07", 0.04, 0.008, 2.0, -0.61, -0.51, -0.70, -0.35},
            {"L21", 0.04, 0.03, 2.0, -0.61, -0.51, -0.26, -0.13},
            {"L25", 0.040, 0.010, 2.0, -0.61, -0.51, -0.62, -0.31},
            {"L16", 0.0424, 0.008, 2.0, -0.24, -0.21, -0.28, -0.14},
            {"L08", 0.044, 0.007, 2.0, 0.00, 0.00, 0.00, 0.00},
            {"L10", 0.045, 0.007, 2.0, 0.15, 0.13, 0.19, 0.09},
            {"L24", 0.045, 0.005, 2.0, 0.15, 0.13, 0.21, 0.10},
            {"L18", 0.046, 0.007, 2.0, 0.30, 0.26, 0.37, 0.19},
            {"L28", 0.049, 0.0072, 2.0, 0.76, 0.64, 0.92, 0.46},
            {"L01", 0.053, 0.007, 2.0, 1.36, 1.16, 1.67, 0.83},
    };

    static final AssignedValue E4_ASSIGNED = AssignedValue.referenceLaboratory(0.044, 0.0082, 2);
    static final SigmaPt E4_SIGMA = SigmaPt.fixed(0.0066);

    @Test
    void scoresMatchIso13528ExampleE4() {
        List<LabResult> results = new ArrayList<>();
        for (Object[] row : E4) {
            results.add(LabResult.withExpandedUncertainty((String) row[0], (double) row[1], (double) row[2],
                    (double) row[3]));
        }
        RoundScores round = ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA);
        // u(x_pt) = 0.0041 is not below 0.3 sigma_pt = 0.00198: labs are classified by z'
        assertThat(round.assignedValueUncertaintyNegligible()).isFalse();
        assertThat(round.classifiedBy()).isEqualTo(ScoreType.Z_PRIME);
        for (int i = 0; i < E4.length; i++) {
            LabScore s = round.scores().get(i);
            Object[] row = E4[i];
            assertThat(s.labCode()).isEqualTo(row[0]);
            assertThat(s.z()).as("z %s", row[0]).isCloseTo((double) row[4], within(0.005));
            assertThat(s.zPrime()).as("z' %s", row[0]).isCloseTo((double) row[5], within(0.005));
            assertThat(s.zeta()).as("zeta %s", row[0]).isCloseTo((double) row[6], within(0.005));
            assertThat(s.en()).as("En %s", row[0]).isCloseTo((double) row[7], within(0.005));
            assertThat(s.classifiedBy()).isEqualTo(ScoreType.Z_PRIME);
            assertThat(s.performance()).isEqualTo(Performance.ofScore((double) row[5]));
        }
        LabScore l04 = round.scores().get(0);
        assertThat(l04.performance()).isEqualTo(Performance.UNSATISFACTORY);
        assertThat(l04.enPerformance()).isEqualTo(Performance.UNSATISFACTORY);
        LabScore l12 = round.scores().get(8);
        assertThat(l12.performance()).isEqualTo(Performance.QUESTIONABLE); // z' = -2.59
        assertThat(round.scores().get(9).performance()).isEqualTo(Performance.SATISFACTORY);
    }

    @Test
    void negligibleUncertaintyClassifiesByZ() {
        AssignedValue precise = AssignedValue.certifiedReferenceMaterial(10.0, 0.1, 2); // u = 0.05
        RoundScores round = ProficiencyScoring.score(List.of(LabResult.of("A", 12.5), LabResult.of("B", 9.0)),
                precise, SigmaPt.fixed(1.0));
        assertThat(round.assignedValueUncertaintyNegligible()).isTrue();
        assertThat(round.classifiedBy()).isEqualTo(ScoreType.Z);
        LabScore a = round.scores().get(0);
        assertThat(a.z()).isCloseTo(2.5, within(1e-12));
        assertThat(a.zPrime()).isCloseTo(2.5 / Math.sqrt(1 + 0.05 * 0.05), within(1e-12));
        assertThat(a.classifiedScore()).isCloseTo(2.5, within(1e-12));
        assertThat(a.performance()).isEqualTo(Performance.QUESTIONABLE);
    }

    @Test
    void uncertaintyAtExactlyThreeTenthsOfSigmaIsNotNegligible() {
        // ISO 13528:2022 9.2.1 Formula (10) is a strict inequality
        AssignedValue borderline = AssignedValue.referenceValue(0.0, 0.6, 2); // u = 0.3
        assertThat(ProficiencyScoring.uncertaintyNegligible(borderline, SigmaPt.fixed(1.0))).isFalse();
        assertThat(ProficiencyScoring.uncertaintyNegligible(AssignedValue.referenceValue(0.0, 0.5998, 2),
                SigmaPt.fixed(1.0))).isTrue();
    }

    @Test
    void classificationBoundariesFollowClause942AndEnRule() {
        assertThat(Performance.ofScore(2.0)).isEqualTo(Performance.SATISFACTORY);
        assertThat(Performance.ofScore(-2.0000001)).isEqualTo(Performance.QUESTIONABLE);
        assertThat(Performance.ofScore(2.9999999)).isEqualTo(Performance.QUESTIONABLE);
        assertThat(Performance.ofScore(-3.0)).isEqualTo(Performance.UNSATISFACTORY);
        assertThat(Performance.ofEn(1.0)).isEqualTo(Performance.SATISFACTORY);
        assertThat(Performance.ofEn(-1.0000001)).isEqualTo(Performance.UNSATISFACTORY);
    }

    @Test
    void missingUncertaintiesLeaveZetaAndEnAbsent() {
        RoundScores round = ProficiencyScoring.score(
                List.of(LabResult.of("A", 10.2), new LabResult("B", 10.4, 0.1, null), new LabResult("C", 9.9, null, 0.3)),
                AssignedValue.referenceValue(10.0, 0.2, 2), SigmaPt.fixed(0.5));
        LabScore a = round.scores().get(0);
        assertThat(a.zeta()).isNull();
        assertThat(a.en()).isNull();
        assertThat(a.zetaPerformance()).isNull();
        assertThat(a.enPerformance()).isNull();
        LabScore b = round.scores().get(1);
        assertThat(b.zeta()).isCloseTo(0.4 / Math.sqrt(0.01 + 0.01), within(1e-12));
        assertThat(b.en()).isNull();
        LabScore c = round.scores().get(2);
        assertThat(c.zeta()).isNull();
        assertThat(c.en()).isCloseTo(-0.1 / Math.sqrt(0.09 + 0.04), within(1e-12));
    }

    @Test
    void zeroUncertaintyEverywhereLeavesZetaAbsentRatherThanInfinite() {
        RoundScores round = ProficiencyScoring.score(List.of(new LabResult("A", 1.5, 0.0, 0.0)),
                AssignedValue.referenceValue(1.0, 0.0, 2), SigmaPt.fixed(0.5));
        assertThat(round.scores().get(0).zeta()).isNull();
        assertThat(round.scores().get(0).en()).isNull();
        assertThat(round.scores().get(0).z()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void aResultOfZeroIsScored() {
        RoundScores round = ProficiencyScoring.score(List.of(new LabResult("Z0", 0.0, 0.01, 0.02)),
                AssignedValue.referenceValue(0.05, 0.02, 2), SigmaPt.fixed(0.02));
        LabScore s = round.scores().get(0);
        assertThat(s.result()).isCloseTo(0.0, within(0.0));
        assertThat(s.zPrime()).isCloseTo(-0.05 / Math.sqrt(0.0004 + 0.0001), within(1e-12));
        assertThat(s.zeta()).isCloseTo(-0.05 / Math.sqrt(0.0001 + 0.0001), within(1e-12));
        assertThat(s.en()).isCloseTo(-0.05 / Math.sqrt(0.0004 + 0.0004), within(1e-12));
    }

    @Test
    void rejectsDuplicateLabCodesNamingTheCodeAndBothIndexes() {
        List<LabResult> results = List.of(LabResult.of("L01", 1), LabResult.of("L02", 2), LabResult.of("L01", 3));
        assertThatThrownBy(() -> ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("L01").hasMessageContaining("index 0").hasMessageContaining("index 2")
                .satisfies(e -> {
                    assertThat(((InvalidResultException) e).labCode()).isEqualTo("L01");
                    assertThat(((InvalidResultException) e).index()).isEqualTo(2);
                });
    }

    @Test
    void duplicateCheckFindsTheRepeatAmongManyCodesWithCollidingHashes() {
        // "Aa" and "BB" share a hash code, as do all strings made of them
        List<LabResult> results = new ArrayList<>();
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 256; i++) {
            StringBuilder code = new StringBuilder();
            for (int bit = 0; bit < 8; bit++) {
                code.append(parts[(i >> bit) & 1]);
            }
            results.add(LabResult.of(code.toString(), i));
        }
        ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA);
        results.add(LabResult.of(results.get(77).labCode(), 1));
        assertThatThrownBy(() -> ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 77").hasMessageContaining("index 256");
    }

    @Test
    void duplicateCheckOnALargeRoundNamesBothIndexes() {
        List<LabResult> results = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            results.add(LabResult.of("LAB-" + i, i));
        }
        ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA);
        results.set(41_234, LabResult.of("LAB-1234", 0));
        assertThatThrownBy(() -> ProficiencyScoring.score(results, E4_ASSIGNED, E4_SIGMA))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("lab code LAB-1234 appears twice, at index 1234 and at index 41234");
    }

    @Test
    void rejectsNonFiniteResultsAndNegativeUncertaintiesNamingTheLab() {
        assertThatThrownBy(() -> LabResult.of("L07", Double.NaN))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("L07").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new LabResult("L08", 1.0, -0.1, null))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("L08").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new LabResult("L09", 1.0, null, Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("L09");
        assertThatThrownBy(() -> LabResult.withExpandedUncertainty("L10", 1.0, 0.2, 0))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("coverage factor");
        assertThatThrownBy(() -> new LabResult(" ", 1.0, null, null)).isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> ProficiencyScoring.score(Arrays.asList(LabResult.of("A", 1), null), E4_ASSIGNED,
                E4_SIGMA)).isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1");
    }

    @Test
    void consensusRoundScoresAgainstAlgorithmA() {
        double[] values = RobustStatisticsTest.ATRAZINE_E3;
        List<LabResult> results = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            results.add(LabResult.of("P" + i, values[i]));
        }
        AlgorithmAResult robust = AlgorithmA.compute(values);
        RoundScores round = ProficiencyScoring.score(results, AssignedValue.consensus(robust),
                SigmaPt.fromRobustStandardDeviation(robust));
        // u(x_pt) = 1.25 s*/sqrt(34) = 0.214 s* < 0.3 s*: classified by z
        assertThat(round.classifiedBy()).isEqualTo(ScoreType.Z);
        assertThat(round.scores().get(0).z()).isCloseTo((0.040 - robust.robustMean()) / robust.robustStandardDeviation(),
                within(1e-12));
        assertThat(round.scores().get(0).performance()).isEqualTo(Performance.UNSATISFACTORY); // z = -5.5
        assertThat(round.scores()).hasSize(34);
    }
}
