package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The columnar scoring path gives, lab by lab and to the last bit, what the record path gives. */
class ScoreTableTest {

    /** Results with every kind of uncertainty: none, u only, u and U, zero; classified by z or z'. */
    static List<LabResult> mixedRound(int n, long seed) {
        Random random = new Random(seed);
        List<LabResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = random.nextInt(10) == 0 ? 0.0 : 25 + 0.8 * random.nextGaussian() * (1 + random.nextInt(4));
            String code = "L" + i;
            results.add(switch (i % 5) {
                case 0 -> LabResult.of(code, x);
                case 1 -> new LabResult(code, x, 0.3 * random.nextDouble(), null);
                case 2 -> new LabResult(code, x, null, 0.6 * random.nextDouble());
                case 3 -> new LabResult(code, x, 0.0, 0.0);
                default -> LabResult.withExpandedUncertainty(code, x, 1.2 * random.nextDouble(), 2);
            });
        }
        return results;
    }

    static ScoreTable columns(List<LabResult> results, AssignedValue xpt, SigmaPt sigma) {
        String[] codes = results.stream().map(LabResult::labCode).toArray(String[]::new);
        double[] values = results.stream().mapToDouble(LabResult::value).toArray();
        double[] u = results.stream()
                .mapToDouble(r -> r.standardUncertainty() == null ? Double.NaN : r.standardUncertainty()).toArray();
        double[] bigU = results.stream()
                .mapToDouble(r -> r.expandedUncertainty() == null ? Double.NaN : r.expandedUncertainty()).toArray();
        return ProficiencyScoring.scoreColumns(codes, values, u, bigU, xpt, sigma);
    }

    @Test
    void columnsGiveTheSameScoresAsRecordsLabByLab() {
        List<LabResult> results = mixedRound(2000, 13528);
        for (AssignedValue xpt : new AssignedValue[] {
                AssignedValue.referenceValue(25.0, 0.0, 2), // no uncertainty: zero denominators leave zeta absent
                AssignedValue.referenceValue(25.1, 0.05, 2), // negligible: classified by z
                AssignedValue.referenceValue(24.9, 0.8, 2)}) { // not negligible: classified by z'
            SigmaPt sigma = SigmaPt.fixed(0.8);

            RoundScores records = ProficiencyScoring.score(results, xpt, sigma);
            ScoreTable table = columns(results, xpt, sigma);

            assertThat(table.size()).isEqualTo(results.size());
            assertThat(table.classifiedBy()).isEqualTo(records.classifiedBy());
            assertThat(table.assignedValueUncertaintyNegligible())
                    .isEqualTo(records.assignedValueUncertaintyNegligible());
            assertThat(table.toRoundScores()).isEqualTo(records);
            for (int i = 0; i < results.size(); i++) {
                LabScore s = records.scores().get(i);
                assertThat(table.labScore(i)).isEqualTo(s);
                if (s.zeta() == null) {
                    assertThat(table.zeta(i)).isNaN();
                } else {
                    assertThat(table.zeta(i)).isEqualTo(s.zeta().doubleValue());
                }
                if (s.en() == null) {
                    assertThat(table.en(i)).isNaN();
                } else {
                    assertThat(table.en(i)).isEqualTo(s.en().doubleValue());
                }
                assertThat(table.performance(i)).isEqualTo(Performance.ofScore(s.classifiedScore()));
            }
        }
    }

    @Test
    void classificationBoundariesAreThoseOfPerformance() {
        double[] values = {2.0, -2.0, 2.0000001, 2.9999999, 3.0, -3.0, 1.0, -1.0000001};
        String[] codes = new String[values.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = "B" + i;
        }
        double[] bigU = java.util.Arrays.stream(values).map(Math::abs).toArray();
        ScoreTable t = ProficiencyScoring.scoreColumns(codes, values, null, bigU,
                AssignedValue.referenceValue(0, 0, 2), SigmaPt.fixed(1));
        for (int i = 0; i < values.length; i++) {
            assertThat(t.performance(i)).as("z = %s", values[i]).isEqualTo(Performance.ofScore(values[i]));
            assertThat(t.zetaPerformance(i)).isNull();
            // U(x) = |x| here, so E_n = x / |x| = ±1: satisfactory (MetroLIMS rule at exactly 1)
            assertThat(t.enPerformance(i)).isEqualTo(Performance.ofEn(t.en(i)));
        }
    }

    @Test
    void rejectsWhatTheRecordsWouldReject() {
        AssignedValue xpt = AssignedValue.referenceValue(10, 0.1, 2);
        SigmaPt sigma = SigmaPt.fixed(1);
        double[] three = {10, 11, 12};

        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", "B", "A"}, three, null, null, xpt,
                sigma)).isInstanceOf(InvalidResultException.class)
                .hasMessage("lab code A appears twice, at index 0 and at index 2");
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", " ", "C"}, three, null, null, xpt,
                sigma)).isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1 has no lab code");
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", "B", "C"},
                new double[] {10, Double.POSITIVE_INFINITY, 12}, null, null, xpt, sigma))
                .isInstanceOf(InvalidResultException.class).hasMessage("result of lab B is Infinity: must be finite");
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", "B", "C"}, three,
                new double[] {0.1, Double.NaN, -0.1}, null, xpt, sigma))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("standard uncertainty of lab C is -0.1: must be finite and not negative")
                .satisfies(e -> assertThat(((InvalidResultException) e).index()).isEqualTo(2));
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", "B", "C"}, three, null,
                new double[] {0.1, Double.POSITIVE_INFINITY, 0.1}, xpt, sigma))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("expanded uncertainty of lab B");
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(new String[] {"A", "B"}, three, null, null, xpt,
                sigma)).isInstanceOf(InvalidResultException.class).hasMessageContaining("differ in length");
    }

    @Test
    void namesTheFirstRepeatInInputOrderAmongManyCodes() {
        int n = 300_000;
        String[] codes = new String[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = "LAB-" + i;
            values[i] = i % 7;
        }
        AssignedValue xpt = AssignedValue.referenceValue(3, 0.1, 2);
        SigmaPt sigma = SigmaPt.fixed(1);
        assertThat(ProficiencyScoring.scoreColumns(codes, values, null, null, xpt, sigma).size()).isEqualTo(n);

        codes[250_000] = "LAB-17";
        codes[200_001] = "LAB-99999";
        assertThatThrownBy(() -> ProficiencyScoring.scoreColumns(codes, values, null, null, xpt, sigma))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("lab code LAB-99999 appears twice, at index 99999 and at index 200001");
    }
}
