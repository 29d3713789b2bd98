package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** t_p(ν) against JCGM 100:2008 Table G.2, which prints two decimals (three at ν = ∞). */
class CoverageFactorTest {

    @ParameterizedTest(name = "t_{0}({1}) = {2}")
    @CsvSource({
        "0.6827, 1, 1.84", "0.90, 1, 6.31", "0.95, 1, 12.71", "0.9545, 1, 13.97", "0.99, 1, 63.66", "0.9973, 1, 235.80",
        "0.6827, 2, 1.32", "0.90, 2, 2.92", "0.95, 2, 4.30", "0.9545, 2, 4.53", "0.99, 2, 9.92", "0.9973, 2, 19.21",
        "0.95, 5, 2.57", "0.9545, 5, 2.65", "0.99, 5, 4.03",
        "0.6827, 10, 1.05", "0.90, 10, 1.81", "0.95, 10, 2.23", "0.9545, 10, 2.28", "0.99, 10, 3.17", "0.9973, 10, 3.96",
        "0.95, 16, 2.12", "0.9545, 16, 2.17", "0.99, 16, 2.92", "0.9973, 16, 3.54",
        "0.95, 20, 2.09", "0.9545, 20, 2.13", "0.99, 20, 2.85",
        "0.95, 50, 2.01", "0.9545, 50, 2.05", "0.99, 50, 2.68",
        "0.95, 100, 1.984", "0.9545, 100, 2.025", "0.99, 100, 2.626",
    })
    void matchesTableG2(double p, double nu, double printed) {
        // half a unit of the last printed digit: the table prints three decimals for ν = 100
        double halfUnit = nu == 100 ? 0.0005 : 0.005;
        assertThat(CoverageFactor.t(p, nu)).isCloseTo(printed, within(halfUnit));
    }

    @ParameterizedTest(name = "t_{0}(∞) = {1}")
    @CsvSource({"0.6827, 1.000", "0.90, 1.645", "0.95, 1.960", "0.9545, 2.000", "0.99, 2.576", "0.9973, 3.000"})
    void infiniteDegreesOfFreedomUseTheNormalQuantile(double p, double printed) {
        assertThat(CoverageFactor.t(p, Double.POSITIVE_INFINITY)).isCloseTo(printed, within(0.0005));
    }

    @Test
    void theNamedProbabilitiesGiveExactlyOneTwoAndThreeAtInfiniteDegreesOfFreedom() {
        assertThat(CoverageFactor.t(0.6827, Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(CoverageFactor.t(0.9545, Double.POSITIVE_INFINITY)).isEqualTo(2.0);
        assertThat(CoverageFactor.t(0.9973, Double.POSITIVE_INFINITY)).isEqualTo(3.0);
        // a large but finite ν approaches 2 from above, continuously
        assertThat(CoverageFactor.t(0.9545, 1e7)).isCloseTo(2.0, within(1e-6)).isGreaterThan(2.0);
    }

    @Test
    void theLabel95point45MeansTheExactCoverageOfTwoSigma() {
        // second, independent computation: 2Φ(2) − 1 = erf(√2) = 0.954 499 736 1…
        assertThat(CoverageFactor.exactProbability(0.9545)).isCloseTo(0.9544997361036416, within(1e-13));
        assertThat(CoverageFactor.exactProbability(0.95)).isEqualTo(0.95);
    }

    @Test
    void fractionalEffectiveDegreesOfFreedomAreTruncatedNotInterpolated() {
        assertThat(CoverageFactor.degreesOfFreedomUsed(16.7)).isEqualTo(16.0);
        assertThat(CoverageFactor.degreesOfFreedomUsed(16.9999999999)).isEqualTo(17.0);
        assertThat(CoverageFactor.degreesOfFreedomUsed(0.4)).isEqualTo(1.0);
        assertThat(CoverageFactor.degreesOfFreedomUsed(Double.POSITIVE_INFINITY)).isInfinite();
        assertThat(CoverageFactor.forEffectiveDegreesOfFreedom(0.99, 16.7)).isCloseTo(2.92, within(0.005));
    }

    @Test
    void rejectsACoverageProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> CoverageFactor.t(1.0, 5)).isInstanceOf(UncertaintyInputException.class)
                .hasMessageContaining("between 0 and 1")
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("coverageProbability");
        assertThatThrownBy(() -> CoverageFactor.t(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
