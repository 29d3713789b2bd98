package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HomogeneityAndStabilityTest {

    /**
     * ISO 13528:2022 E.2, Table E.2: arsenic in chocolate, 10 items in duplicate. The standard prints mean 0.18715,
     * s_x 0.00398, s_w 0.00556, s_s 0.00060, sigma_pt = 0.15 x mean = 0.02807 and 0.3 sigma_pt = 0.00842 (values as
     * transcribed in the pt13528 project's tests). The same data in M. Koch's homogeneity spreadsheet for ISO 13528
     * (University of Stuttgart, 2017) give s_x^2 = 1.5836e-5, s_w^2 = 3.095e-5, s_s^2 = 3.6111e-7 and, with F1 = 1.88,
     * F2 = 1.01, c = 1.645764e-4 and sqrt(c) = 0.0128287331.
     */
    static final double[][] ARSENIC_E2 = {{0.185, 0.194}, {0.187, 0.189}, {0.182, 0.186}, {0.188, 0.196},
            {0.191, 0.181}, {0.188, 0.180}, {0.187, 0.196}, {0.177, 0.186}, {0.179, 0.187}, {0.188, 0.196}};

    @Test
    void homogeneityMatchesIso13528ExampleE2() {
        HomogeneityVerdict v = HomogeneityCheck.check(ARSENIC_E2, 0.02807);
        assertThat(v.items()).isEqualTo(10);
        assertThat(v.generalMean()).isCloseTo(0.18715, within(0.000005));
        assertThat(v.sx()).isCloseTo(0.00398, within(0.000005));
        assertThat(v.sw()).isCloseTo(0.00556, within(0.000005));
        assertThat(v.ss()).isCloseTo(0.00060, within(0.000005));
        assertThat(v.criterion()).isCloseTo(0.00842, within(0.000005));
        assertThat(v.sufficient()).isTrue();
        // Koch's spreadsheet, to its printed digits
        assertThat(v.sx() * v.sx()).isCloseTo(1.5836e-5, within(0.00005e-5));
        assertThat(v.sw() * v.sw()).isCloseTo(3.095e-5, within(1e-15));
        assertThat(v.ss() * v.ss()).isCloseTo(3.6111e-7, within(0.00005e-7));
        assertThat(v.f1()).isCloseTo(1.88, within(0.0));
        assertThat(v.f2()).isCloseTo(1.01, within(0.0));
        assertThat(v.expandedCriterion() * v.expandedCriterion()).isCloseTo(1.645764e-4, within(0.0000005e-4));
        assertThat(v.expandedCriterion()).isCloseTo(0.0128287331, within(0.00000000005));
        assertThat(v.sufficientExpanded()).isTrue();
    }

    @Test
    void tableB1AgreesWithTheChiSquaredAndFQuantilesItTabulates() {
        for (int g = 7; g <= 20; g++) {
            assertThat(HomogeneityCheck.f1(g)).as("F1, g = %d", g).isCloseTo(HomogeneityCheck.f1Computed(g), within(0.005));
            assertThat(HomogeneityCheck.f2(g)).as("F2, g = %d", g).isCloseTo(HomogeneityCheck.f2Computed(g), within(0.005));
        }
        // spot values of Table B.1
        assertThat(HomogeneityCheck.f1(20)).isCloseTo(1.59, within(0.0));
        assertThat(HomogeneityCheck.f2(20)).isCloseTo(0.57, within(0.0));
        assertThat(HomogeneityCheck.f1(7)).isCloseTo(2.10, within(0.0));
        assertThat(HomogeneityCheck.f2(7)).isCloseTo(1.43, within(0.0));
        // outside the table: computed; chi2_0.95(24)/24 = 36.415/24, (F_0.95(24, 25) - 1)/2 = (1.964 - 1)/2
        assertThat(HomogeneityCheck.f1(25)).isCloseTo(36.4150 / 24, within(0.0001));
        assertThat(HomogeneityCheck.f2(25)).isCloseTo((1.9643 - 1) / 2, within(0.0005));
    }

    @Test
    void betweenItemVarianceBelowZeroIsReportedAsZero() {
        // items agree far better than duplicates: s_x^2 < s_w^2 / 2
        double[][] items = {{1.0, 1.2}, {1.2, 1.0}, {1.0, 1.2}, {1.2, 1.0}};
        HomogeneityVerdict v = HomogeneityCheck.check(items, 1.0);
        assertThat(v.sx()).isCloseTo(0.0, within(1e-15));
        assertThat(v.ss()).isCloseTo(0.0, within(0.0));
        assertThat(v.sw()).isCloseTo(Math.sqrt(4 * 0.04 / 8), within(1e-15));
        assertThat(v.sufficient()).isTrue();
    }

    @Test
    void inhomogeneousItemsFailTheCriterion() {
        double[][] items = {{1.0, 1.01}, {2.0, 2.01}, {3.0, 3.01}, {4.0, 4.01}, {5.0, 5.01}, {6.0, 6.01}, {7.0, 7.01}};
        HomogeneityVerdict v = HomogeneityCheck.check(items, 1.0);
        assertThat(v.ss()).isGreaterThan(2.0);
        assertThat(v.sufficient()).isFalse();
        assertThat(v.sufficientExpanded()).isFalse();
    }

    @Test
    void homogeneityRejectsBadInputNamingTheItem() {
        assertThatThrownBy(() -> HomogeneityCheck.check(new double[][] {{1, 2}}, 1.0))
                .isInstanceOf(InsufficientResultsException.class);
        assertThatThrownBy(() -> HomogeneityCheck.check(new double[][] {{1, 2}, {1, 2, 3}}, 1.0))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> HomogeneityCheck.check(new double[][] {{1, 2}, {1, Double.NaN}}, 1.0))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> HomogeneityCheck.check(ARSENIC_E2, 0.0))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("sigma_pt");
    }

    @Test
    void stabilityMatchesIso13528ExampleE2() {
        // Table E.3: two items measured in duplicate later; the standard prints mean 0.19375, difference 0.00660
        double[] first = new double[20];
        for (int t = 0; t < 10; t++) {
            first[2 * t] = ARSENIC_E2[t][0];
            first[2 * t + 1] = ARSENIC_E2[t][1];
        }
        StabilityVerdict v = StabilityCheck.check(first, new double[] {0.191, 0.198, 0.190, 0.196}, 0.02807);
        assertThat(v.firstMean()).isCloseTo(0.18715, within(0.000005));
        assertThat(v.secondMean()).isCloseTo(0.19375, within(0.000005));
        assertThat(v.difference()).isCloseTo(0.00660, within(0.000005));
        assertThat(v.criterion()).isCloseTo(0.00842, within(0.000005));
        assertThat(v.stable()).isTrue();
        StabilityVerdict drifted = StabilityCheck.check(first, new double[] {0.199, 0.198}, 0.02807);
        assertThat(drifted.difference()).isCloseTo(0.01135, within(0.000005));
        assertThat(drifted.stable()).isFalse();
        assertThatThrownBy(() -> StabilityCheck.check(first, new double[0], 0.02807))
                .isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> StabilityCheck.check(first, new double[] {Double.NaN}, 0.02807))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("index 0");
    }
}
