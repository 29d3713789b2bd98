package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ISO 13528:2022 10.3 kernel density, checked against values computed by hand. */
class KernelDensityTest {

    @Test
    void densityOfTwoResultsWithUnitBandwidthIsTheMeanOfTwoNormalDensities() {
        // f(0) = 1/(2·1) · (φ(0) + φ(−1)) = 0.5 · (0.39894228 + 0.24197072) = 0.32045650
        assertThat(KernelDensity.density(new double[] {0, 1}, 1, 0)).isCloseTo(0.3204565025, within(1e-9));
    }

    @Test
    void bandwidthIsNineTenthsOfMadeTimesPToTheMinusOneFifth() {
        // 1..5: median 3, |x − 3| = 2,1,0,1,2, median 1, MADe = 1.483; h = 0.9 · 1.483 · 5^−0.2 = 0.96736342
        double[] values = {1, 2, 3, 4, 5};
        double h = KernelDensity.bandwidth(values);
        assertThat(h).isCloseTo(0.9673634171, within(1e-9));
        // and the density at the middle: 1/(5h) · Σ φ((3 − x_i)/h) = 0.19862204
        assertThat(KernelDensity.density(values, h, 3)).isCloseTo(0.1986220375, within(1e-9));
    }

    @Test
    void theCurveIntegratesToOne() {
        double[] values = {9.8, 10.0, 10.1, 10.1, 10.2, 10.4, 12.0};
        double h = KernelDensity.bandwidth(values);
        double lo = 9.8 - 6 * h;
        double hi = 12.0 + 6 * h;
        int n = 2001;
        double[] y = KernelDensity.curve(values, h, lo, hi, n);
        double step = (hi - lo) / (n - 1);
        double area = 0;
        for (int i = 1; i < n; i++) {
            area += (y[i - 1] + y[i]) / 2 * step;
        }
        assertThat(area).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void resultsMostlyEqualFallBackToAnotherSpreadAndAllEqualHaveNone() {
        // more than half equal: MADe = 0, the nIQR or the standard deviation gives the spread
        assertThat(KernelDensity.bandwidth(new double[] {5, 5, 5, 5, 6})).isPositive();
        assertThat(KernelDensity.bandwidth(new double[] {5, 5, 5})).isZero();
        assertThatThrownBy(() -> KernelDensity.density(new double[] {5}, 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
