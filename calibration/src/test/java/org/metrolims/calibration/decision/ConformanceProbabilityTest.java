package org.metrolims.calibration.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * JCGM 106:2012 clause 7, normal PDF. Checked by hand against Φ values and, independently, by
 * integrating the normal density over the tolerance interval with Simpson's rule.
 */
class ConformanceProbabilityTest {

    @Test
    void singleUpperLimitTwoStandardUncertaintiesAway() {
        // Φ(2) = 0.977 249 868 051 821
        assertThat(ConformanceProbability.of(9.8, 0.1, ToleranceInterval.atMost(10)))
                .isCloseTo(0.977249868051821, within(1e-12));
        assertThat(ConformanceProbability.of(10.2, 0.1, ToleranceInterval.atLeast(10)))
                .isCloseTo(0.977249868051821, within(1e-12));
    }

    @Test
    void symmetricIntervalAtItsCentre() {
        // Φ(1) − Φ(−1) = 0.682 689 492 137 086
        assertThat(ConformanceProbability.of(0, 1, ToleranceInterval.between(-1, 1)))
                .isCloseTo(0.682689492137086, within(1e-12));
    }

    @Test
    void farTailsKeepTheirDigits() {
        // 1 − p_c = Q(8) = 6.220 960 574 271 78e−16, lost in 1 − Φ(8) computed naively
        assertThat(ConformanceProbability.ofNonConformity(0, 1, ToleranceInterval.atMost(8)))
                .isCloseTo(6.22096057427178e-16, within(1e-27));
    }

    @Test
    void anExactValueConformsOrNot() {
        assertThat(ConformanceProbability.of(0.5, 0, ToleranceInterval.between(0, 1))).isEqualTo(1.0);
        assertThat(ConformanceProbability.of(1.5, 0, ToleranceInterval.between(0, 1))).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "y = {0}, u = {1} on [{2}, {3}]")
    @CsvSource({"0.3, 0.2, -0.5, 0.6", "0.6, 0.05, 0, 0.6", "2.0, 1.5, -1, 3", "-0.45, 0.02, -0.5, 0.5"})
    void agreesWithNumericalIntegrationOfTheNormalDensity(double y, double u, double lower, double upper) {
        double simpson = simpson(y, u, lower, upper, 20_000);
        assertThat(ConformanceProbability.of(y, u, ToleranceInterval.between(lower, upper)))
                .isCloseTo(simpson, within(1e-10));
    }

    private static double simpson(double mean, double sd, double a, double b, int n) {
        double h = (b - a) / n;
        double sum = density(a, mean, sd) + density(b, mean, sd);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 0 ? 2 : 4) * density(a + i * h, mean, sd);
        }
        return sum * h / 3;
    }

    private static double density(double x, double mean, double sd) {
        double z = (x - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }
}
