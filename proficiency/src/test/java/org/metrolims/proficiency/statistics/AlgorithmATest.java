package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metrolims.proficiency.statistics.AlgorithmAResult.InitialScale;

/**
 * Worked examples of ISO 13528:2022 Annex E (input values and printed results as transcribed in the pt13528
 * project's tests/annex_e_data.py and tests/printed_values.py, checked there against the standard); tolerances are
 * half a unit of the last printed digit unless a comment says otherwise.
 */
class AlgorithmATest {

    /** E.1, Table E.1, 23 results with the censored ones (&lt;10) taken as 10 ("ignored"): x* 26.01, s* 7.23. */
    static final double[] E1_CENSORED_AS_LIMIT = {10, 10, 12, 19, 20, 20, 23, 23, 25, 25, 26, 28, 28, 30, 28, 29, 30,
            30, 31, 32, 32, 45, 50};

    /** E.1, Table E.1, the 18 results left when the censored ones are deleted: x* 26.81, s* 5.29. */
    static final double[] E1_CENSORED_DELETED = {12, 19, 20, 23, 23, 25, 25, 26, 28, 28, 28, 29, 30, 30, 31, 32, 32,
            45};

    /** E.4 / E.7: mercury in feed, 21 results (Table E.6); E.7 prints x* 0.03161, s* 0.0164, u(x*) 0.0045. */
    static final double[] E7_MERCURY = {0.013, 0.013, 0.0135, 0.014, 0.014, 0.016, 0.017, 0.019, 0.0239, 0.037, 0.039,
            0.04, 0.04, 0.040, 0.0424, 0.044, 0.045, 0.045, 0.046, 0.049, 0.053};

    /** E.13, Table E.11: averages of four replicates, 25 participants; x* printed 1.57. */
    static final double[] E13_AVERAGES = {2.15, 1.85, 1.80, 1.80, 1.90, 1.90, 1.90, 2.05, 2.35, 2.03, 2.08, 1.25, 1.13,
            1.00, 1.08, 1.20, 1.35, 1.23, 1.23, 0.90, 1.48, 1.20, 1.73, 1.43, 1.28};

    @Test
    void algorithmAMatchesIso13528ExampleE3() {
        AlgorithmAResult r = AlgorithmA.compute(RobustStatisticsTest.ATRAZINE_E3);
        // Table E.5: Algorithm A x* 0.2570, s* 0.0395, u(x_pt) 0.0085
        assertThat(r.robustMean()).isCloseTo(0.2570, within(0.00005));
        assertThat(r.robustStandardDeviation()).isCloseTo(0.0395, within(0.00005));
        assertThat(AssignedValue.consensus(r).standardUncertainty()).isCloseTo(0.0085, within(0.00005));
        assertThat(r.participants()).isEqualTo(34);
        assertThat(r.initialScale()).isEqualTo(InitialScale.MADE);
    }

    @Test
    void algorithmAMatchesIso13528ExampleE1() {
        AlgorithmAResult deleted = AlgorithmA.compute(E1_CENSORED_DELETED);
        assertThat(deleted.robustMean()).isCloseTo(26.81, within(0.005));
        assertThat(deleted.robustStandardDeviation()).isCloseTo(5.29, within(0.005));
        AlgorithmAResult limit = AlgorithmA.compute(E1_CENSORED_AS_LIMIT);
        assertThat(limit.robustMean()).isCloseTo(26.01, within(0.005));
        // printed 7.23 was stopped by the three-significant-figure rule of C.3.1; the fixed point is 7.2373:
        // one unit of the last printed digit
        assertThat(limit.robustStandardDeviation()).isCloseTo(7.23, within(0.01));
        assertThat(limit.robustStandardDeviation()).isCloseTo(7.2372672, within(5e-7));
    }

    @Test
    void algorithmAMatchesIso13528ExamplesE7AndE13() {
        AlgorithmAResult mercury = AlgorithmA.compute(E7_MERCURY);
        assertThat(mercury.robustMean()).isCloseTo(0.03161, within(0.000005));
        assertThat(mercury.robustStandardDeviation()).isCloseTo(0.0164, within(0.00005));
        assertThat(AssignedValue.consensus(mercury).standardUncertainty()).isCloseTo(0.0045, within(0.00005));
        assertThat(AlgorithmA.compute(E13_AVERAGES).robustMean()).isCloseTo(1.57, within(0.005));
    }

    @Test
    void algorithmAAgreesWithBigDecimalReferenceToTwelveDigits() {
        Random random = new Random(2022);
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + random.nextInt(60);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 50 + 2 * random.nextGaussian();
            }
            for (int k = 0; k < random.nextInt(4); k++) {
                x[random.nextInt(n)] = 50 + 40 * random.nextGaussian();
            }
            AlgorithmAResult r = AlgorithmA.compute(x);
            double[] expected = NaiveReference.algorithmA(x);
            assertThat(r.robustMean()).as("x* trial %d", trial).isCloseTo(expected[0], within(1e-12 * expected[1]));
            assertThat(r.robustStandardDeviation()).as("s* trial %d", trial)
                    .isCloseTo(expected[1], within(1e-12 * expected[1]));
        }
        // the examples too
        for (double[] x : new double[][] {RobustStatisticsTest.ATRAZINE_E3, E1_CENSORED_AS_LIMIT, E7_MERCURY}) {
            double[] expected = NaiveReference.algorithmA(x);
            AlgorithmAResult r = AlgorithmA.compute(x);
            assertThat(r.robustMean()).isCloseTo(expected[0], within(1e-12 * expected[1]));
            assertThat(r.robustStandardDeviation()).isCloseTo(expected[1], within(1e-12 * expected[1]));
        }
    }

    @Test
    void algorithmAOnLargeRoundsAgreesWithStraightforwardFullPasses() {
        // large enough that the banded updates are used; the reference makes two full passes per update
        Random random = new Random(17043);
        for (int n : new int[] {1_000, 20_000, 200_000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(50) == 0 ? 100 + 300 * random.nextDouble() : 100 + 5 * random.nextGaussian();
            }
            AlgorithmAResult r = AlgorithmA.compute(x);
            double[] expected = NaiveReference.algorithmADouble(x);
            assertThat(r.robustMean()).as("x*, n = %d", n).isCloseTo(expected[0], within(1e-10 * expected[1]));
            assertThat(r.robustStandardDeviation()).as("s*, n = %d", n)
                    .isCloseTo(expected[1], within(1e-10 * expected[1]));
        }
    }

    @Test
    void resultIsAFixedPointOfTheUpdate() {
        AlgorithmAResult r = AlgorithmA.compute(RobustStatisticsTest.ATRAZINE_E3);
        double[] x = RobustStatisticsTest.ATRAZINE_E3;
        double lo = r.robustMean() - 1.5 * r.robustStandardDeviation();
        double hi = r.robustMean() + 1.5 * r.robustStandardDeviation();
        double sum = 0;
        for (double v : x) {
            sum += Math.min(Math.max(v, lo), hi);
        }
        double mean = sum / x.length;
        double squares = 0;
        for (double v : x) {
            double d = Math.min(Math.max(v, lo), hi) - mean;
            squares += d * d;
        }
        double s = 1.134 * Math.sqrt(squares / (x.length - 1));
        assertThat(mean).isCloseTo(r.robustMean(), within(1e-15));
        assertThat(s).isCloseTo(r.robustStandardDeviation(), within(1e-15));
        assertThat(r.iterations()).isBetween(2, AlgorithmA.MAX_ITERATIONS);
    }

    @Test
    void algorithmAIsShiftAndScaleEquivariant() {
        Random random = new Random(5725);
        double[] x = new double[41];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        x[3] = 9;
        x[17] = -7;
        AlgorithmAResult base = AlgorithmA.compute(x);
        for (double[] ab : new double[][] {{3, 1000}, {-2.5, 7}, {1e-6, 0.002}, {1e6, -3e7}}) {
            double a = ab[0];
            double b = ab[1];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = a * x[i] + b;
            }
            AlgorithmAResult r = AlgorithmA.compute(y);
            double tolerance = 1e-9 * Math.abs(a) * base.robustStandardDeviation();
            assertThat(r.robustMean()).isCloseTo(a * base.robustMean() + b, within(tolerance));
            assertThat(r.robustStandardDeviation())
                    .isCloseTo(Math.abs(a) * base.robustStandardDeviation(), within(tolerance));
        }
    }

    @Test
    void aSingleGrossOutlierMovesTheRobustMeanByABoundedAmount() {
        double[] x = new double[20];
        Random random = new Random(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = 10 + random.nextGaussian();
        }
        AlgorithmAResult clean = AlgorithmA.compute(x);
        double[] far = x.clone();
        far[0] = 1e3;
        double[] farther = x.clone();
        farther[0] = 1e12;
        AlgorithmAResult withFar = AlgorithmA.compute(far);
        AlgorithmAResult withFarther = AlgorithmA.compute(farther);
        // once winsorised, how far the outlier lies no longer matters
        assertThat(withFarther.robustMean()).isCloseTo(withFar.robustMean(), within(1e-12));
        assertThat(withFarther.robustStandardDeviation()).isCloseTo(withFar.robustStandardDeviation(), within(1e-12));
        // and one of twenty results moves x* by well under s*, unlike the arithmetic mean (which moves by ~50)
        assertThat(Math.abs(withFar.robustMean() - clean.robustMean()))
                .isLessThan(0.25 * clean.robustStandardDeviation());
    }

    @Test
    void theOrderOfTheResultsDoesNotMatter() {
        double[] x = RobustStatisticsTest.ATRAZINE_E3.clone();
        AlgorithmAResult first = AlgorithmA.compute(x);
        java.util.List<Double> shuffled = new java.util.ArrayList<>();
        for (double v : x) {
            shuffled.add(v);
        }
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 20; trial++) {
            java.util.Collections.shuffle(shuffled, random);
            AlgorithmAResult again = AlgorithmA.compute(shuffled.stream().mapToDouble(Double::doubleValue).toArray());
            assertThat(again.robustMean()).isCloseTo(first.robustMean(), within(0.0));
            assertThat(again.robustStandardDeviation()).isCloseTo(first.robustStandardDeviation(), within(0.0));
            assertThat(again.iterations()).isEqualTo(first.iterations());
        }
    }

    @Test
    void rejectsFewerThanThreeResults() {
        assertThatThrownBy(() -> AlgorithmA.compute(new double[] {1, 2}))
                .isInstanceOf(InsufficientResultsException.class).hasMessageContaining("at least 3")
                .satisfies(e -> assertThat(((InsufficientResultsException) e).given()).isEqualTo(2));
        assertThatThrownBy(() -> AlgorithmA.compute(new double[0])).isInstanceOf(InsufficientResultsException.class);
        AlgorithmAResult three = AlgorithmA.compute(new double[] {1, 2, 4});
        assertThat(three.robustMean()).isCloseTo(NaiveReference.algorithmA(new double[] {1, 2, 4})[0], within(1e-12));
    }

    @Test
    void allResultsEqualGiveThatValueAndZeroScaleNotNaN() {
        AlgorithmAResult r = AlgorithmA.compute(new double[] {4.2, 4.2, 4.2, 4.2, 4.2});
        assertThat(r.robustMean()).isCloseTo(4.2, within(0.0));
        assertThat(r.robustStandardDeviation()).isCloseTo(0.0, within(0.0));
        assertThat(r.degenerate()).isTrue();
        assertThat(r.iterations()).isZero();
        assertThatThrownBy(() -> SigmaPt.fromRobustStandardDeviation(r))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("s* = 0");
        assertThatThrownBy(() -> AssignedValue.consensus(r)).isInstanceOf(InvalidResultException.class);
    }

    @Test
    void moreThanHalfEqualStartsFromTheSampleStandardDeviation() {
        // 6 of 11 equal: MADe = 0, C.3.1 NOTE 2 -> start from the sample standard deviation
        double[] x = {10, 10, 10, 10, 10, 10, 9.1, 9.5, 10.6, 11.2, 12.0};
        AlgorithmAResult r = AlgorithmA.compute(x);
        assertThat(r.initialScale()).isEqualTo(InitialScale.SAMPLE_STANDARD_DEVIATION);
        assertThat(r.degenerate()).isFalse();
        double[] expected = NaiveReference.algorithmA(x, AlgorithmA.sampleStandardDeviation(x));
        assertThat(r.robustMean()).isCloseTo(expected[0], within(1e-12));
        assertThat(r.robustStandardDeviation()).isCloseTo(expected[1], within(1e-12));
    }

    @Test
    void aLargeEqualShareCollapsesOntoTheCommonValue() {
        // 9 of 11 equal: s* shrinks geometrically towards 0; the fixed point is x* = 10, s* = 0
        double[] x = {10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 11};
        AlgorithmAResult r = AlgorithmA.compute(x);
        assertThat(r.robustMean()).isCloseTo(10, within(0.0));
        assertThat(r.robustStandardDeviation()).isCloseTo(0.0, within(0.0));
        assertThat(r.degenerate()).isTrue();
    }

    @Test
    void aLargeRoundWithFourFifthsEqualAlsoCollapses() {
        Random random = new Random(3);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 5 == 0 ? 7 + random.nextGaussian() : 7.125;
        }
        AlgorithmAResult r = AlgorithmA.compute(x);
        assertThat(r.robustMean()).isCloseTo(7.125, within(0.0));
        assertThat(r.degenerate()).isTrue();
        assertThat(r.initialScale()).isEqualTo(InitialScale.SAMPLE_STANDARD_DEVIATION);
    }

    @Test
    void rejectsNonFiniteResultsNamingTheIndex() {
        assertThatThrownBy(() -> AlgorithmA.compute(new double[] {1, 2, 3, Double.NaN}))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 3").hasMessageContaining("NaN");
        assertThatThrownBy(() -> AlgorithmA.compute(new double[] {Double.NEGATIVE_INFINITY, 2, 3}))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> AlgorithmA.compute(null)).isInstanceOf(InvalidResultException.class);
    }

    @Test
    void zeroResultsAreOrdinaryResults() {
        AlgorithmAResult r = AlgorithmA.compute(new double[] {0, 0.1, -0.1, 0.05, 0.0});
        double[] expected = NaiveReference.algorithmA(new double[] {0, 0.1, -0.1, 0.05, 0.0});
        assertThat(r.robustMean()).isCloseTo(expected[0], within(1e-15));
        assertThat(r.robustStandardDeviation()).isCloseTo(expected[1], within(1e-15));
    }

    @Test
    void leavesTheInputUnchanged() {
        double[] x = RobustStatisticsTest.ATRAZINE_E3.clone();
        AlgorithmA.compute(x);
        assertThat(x).containsExactly(RobustStatisticsTest.ATRAZINE_E3);
    }
}
