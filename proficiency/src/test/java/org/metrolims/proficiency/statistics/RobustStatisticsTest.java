package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustStatisticsTest {

    /**
     * ISO 13528:2022 E.3, Table E.4: atrazine in drinking water, 34 participants (values as transcribed in the
     * pt13528 project's tests/annex_e_data.py, which was checked against the standard). Table E.5 prints median
     * 0.2620, nIQR 0.0402 and MADe 0.0386; assertions allow half a unit of the last printed digit.
     */
    static final double[] ATRAZINE_E3 = {0.040, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.230, 0.230, 0.235,
            0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.260, 0.264, 0.267, 0.270, 0.273, 0.274, 0.274, 0.278,
            0.2811, 0.287, 0.287, 0.288, 0.289, 0.295, 0.296, 0.311, 0.331, 0.4246};

    @Test
    void medianMadeAndNiqrMatchIso13528ExampleE3() {
        assertThat(RobustStatistics.median(ATRAZINE_E3)).isCloseTo(0.2620, within(0.00005));
        assertThat(RobustStatistics.scaledMedianAbsoluteDeviation(ATRAZINE_E3)).isCloseTo(0.0386, within(0.00005));
        assertThat(RobustStatistics.normalizedInterquartileRange(ATRAZINE_E3)).isCloseTo(0.0402, within(0.00005));
    }

    @Test
    void niqrUsesLinearInterpolationBetweenOrderStatistics() {
        // p = 9: Q1 at h = 2, Q3 at h = 6 exactly; p = 10: h = 2.25 and 6.75
        double[] nine = {4.7, 5.0, 6.2, 4.0, 5.3, 4.9, 5.7, 5.0, 4.5};
        assertThat(RobustStatistics.normalizedInterquartileRange(nine)).isCloseTo(0.7413 * (5.3 - 4.7), within(1e-12));
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(RobustStatistics.normalizedInterquartileRange(ten)).isCloseTo(0.7413 * (7.75 - 3.25), within(1e-12));
        // the (p + 1) q rule would give 0.0423 for E.3: the printed 0.0402 rules it out
        assertThat(RobustStatistics.normalizedInterquartileRange(ATRAZINE_E3)).isNotCloseTo(0.0423, within(0.0005));
    }

    @Test
    void selectionAgreesWithFullSortOnRandomDataWithTies() {
        Random random = new Random(13528);
        for (int n = 1; n <= 300; n++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(4) == 0 ? Math.rint(random.nextGaussian() * 3) : random.nextGaussian() * 3;
            }
            double[] before = x.clone();
            assertThat(RobustStatistics.median(x)).isCloseTo(NaiveReference.median(x), within(0.0));
            assertThat(RobustStatistics.scaledMedianAbsoluteDeviation(x)).isCloseTo(NaiveReference.made(x), within(1e-15));
            double expectedNiqr = 0.7413 * (NaiveReference.quantileType7(x, 0.75) - NaiveReference.quantileType7(x, 0.25));
            assertThat(RobustStatistics.normalizedInterquartileRange(x)).isCloseTo(expectedNiqr, within(1e-15));
            assertThat(x).containsExactly(before);
        }
    }

    @Test
    void sampledSelectionOnLargeInputsAgreesWithFullSort() {
        Random random = new Random(43);
        for (int n : new int[] {8192, 8193, 50_000, 300_001}) {
            double[][] shapes = new double[4][n];
            for (int i = 0; i < n; i++) {
                shapes[0][i] = Math.rint(random.nextGaussian() * 20) / 4;      // many ties
                shapes[1][i] = i;                                                // sorted
                shapes[2][i] = n - i;                                            // reversed
                shapes[3][i] = (i % 97) + (i % 2 == 0 ? 1e6 : 0);              // periodic, two clusters
            }
            for (double[] x : shapes) {
                assertThat(RobustStatistics.median(x)).isCloseTo(NaiveReference.median(x), within(0.0));
                assertThat(RobustStatistics.scaledMedianAbsoluteDeviation(x))
                        .isCloseTo(NaiveReference.made(x), within(1e-9 * (1 + NaiveReference.made(x))));
            }
        }
    }

    @Test
    void selectionCopesWithManyEqualValuesAndSortedInput() {
        double[] equal = new double[100_001];
        java.util.Arrays.fill(equal, 7.25);
        equal[5] = -1;
        assertThat(RobustStatistics.median(equal)).isCloseTo(7.25, within(0.0));
        double[] sorted = new double[200_000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        assertThat(RobustStatistics.median(sorted)).isCloseTo(99_999.5, within(0.0));
        assertThat(RobustStatistics.scaledMedianAbsoluteDeviation(sorted)).isCloseTo(1.483 * 50_000, within(1e-9));
    }

    @Test
    void rejectsNonFiniteResultsNamingTheIndex() {
        assertThatThrownBy(() -> RobustStatistics.median(new double[] {1, Double.NaN, 3}))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1")
                .satisfies(e -> assertThat(((InvalidResultException) e).index()).isEqualTo(1));
        assertThatThrownBy(() -> RobustStatistics.normalizedInterquartileRange(new double[] {1, 2, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> RobustStatistics.scaledMedianAbsoluteDeviation(new double[0]))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("no results");
    }
}
