package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of JCGM 100:2008 Annex H and EA-4/02 M:2022 Supplement 1, to the digits
 * they print; every tolerance is half a unit of the last printed digit unless said otherwise.
 */
class GumAnnexHTest {

    /**
     * JCGM 100:2008 H.1, calibration of an end gauge of nominal length 50 mm (model H.3,
     * l = l_s + d − l_s(δα·θ + α_s·δθ)), all lengths in nm. Sensitivities at the estimates
     * (H.1.3, Table H.1): c(l_s) = c(d) = 1, c(α_s) = −l_s·δθ = 0, c(θ) = −l_s·δα = 0,
     * c(δα) = −l_s·θ with θ = −0.1 °C, c(δθ) = −α_s·l_s with α_s = 11.5e−6 °C⁻¹.
     */
    static final double L_S = 50_000_623.6; // nm

    /** u(d) from its three parts, as H.1.3.2 does: the difference d is itself a small budget. */
    static EvaluatedUncertainty differenceD() {
        return UncertaintyBudget.of(List.of(
                // H.1.3.2: s = 13 nm pooled from 25 observations, d̄ the mean of 5: 13/√5 = 5.8 nm, ν = 24
                UncertaintyComponent.typeAPooled("d-bar", 13, 5, 24),
                // comparator random effects: 0.01 µm at 95 % from 6 observations → 10 nm / t_95(5) = 3.9 nm, ν = 5
                UncertaintyComponent.normal("d1", 10, CoverageFactor.t(0.95, 5)).withDegreesOfFreedom(5),
                // comparator systematic effects: 0.02 µm at 3σ → 6.7 nm, "reliable to 25 %" → ν = 8 (G.4.2)
                UncertaintyComponent.normal("d2", 20, 3)
                        .withDegreesOfFreedom(UncertaintyComponent.degreesOfFreedomFromRelativeUncertainty(0.25))))
                .evaluate();
    }

    static UncertaintyBudget endGauge() {
        EvaluatedUncertainty d = differenceD();
        return UncertaintyBudget.of(List.of(
                // certificate: U = 0.075 µm with k = 3, ν = 18
                UncertaintyComponent.normal("l_s", 75, 3).withDegreesOfFreedom(18),
                UncertaintyComponent.standard("d", d.combinedStandardUncertainty())
                        .withDegreesOfFreedom(d.effectiveDegreesOfFreedom()),
                // α_s within ±2e-6 °C⁻¹ rectangular: 1.2e-6 °C⁻¹, but c = −l_s·δθ = 0
                UncertaintyComponent.limits("alpha_s", Distribution.RECTANGULAR, 2e-6).withSensitivity(0),
                // θ: 0.41 °C, c = −l_s·δα = 0
                UncertaintyComponent.standard("theta", 0.41).withSensitivity(0),
                // δα within ±1e-6 °C⁻¹ rectangular, reliable to 10 % → ν = 50
                UncertaintyComponent.limits("delta_alpha", Distribution.RECTANGULAR, 1e-6).withSensitivity(-L_S * -0.1)
                        .withDegreesOfFreedom(UncertaintyComponent.degreesOfFreedomFromRelativeUncertainty(0.10)),
                // δθ within ±0.05 °C rectangular, reliable to 50 % → ν = 2
                UncertaintyComponent.limits("delta_theta", Distribution.RECTANGULAR, 0.05).withSensitivity(-11.5e-6 * L_S)
                        .withDegreesOfFreedom(UncertaintyComponent.degreesOfFreedomFromRelativeUncertainty(0.50))))
                .withCoverageProbability(0.99);
    }

    @Test
    void h1TheDifferenceDHasUncertainty9point7NanometresWith25point6DegreesOfFreedom() {
        EvaluatedUncertainty d = differenceD();
        assertThat(d.lines().get(0).standardUncertainty()).isCloseTo(5.8, within(0.05));
        assertThat(d.lines().get(1).standardUncertainty()).isCloseTo(3.9, within(0.05));
        assertThat(d.lines().get(2).standardUncertainty()).isCloseTo(6.7, within(0.05));
        assertThat(d.lines().get(2).degreesOfFreedom()).isCloseTo(8, within(1e-12));
        assertThat(d.combinedStandardUncertainty()).isCloseTo(9.7, within(0.05));
        assertThat(d.effectiveDegreesOfFreedom()).isCloseTo(25.6, within(0.05));
    }

    @Test
    void h1TableH1ContributionsAndDegreesOfFreedom() {
        List<BudgetLine> lines = endGauge().evaluate().lines();
        assertThat(lines.get(0).contribution()).isCloseTo(25, within(0.5));
        assertThat(lines.get(1).contribution()).isCloseTo(9.7, within(0.05));
        assertThat(lines.get(2).standardUncertainty()).isCloseTo(1.2e-6, within(0.05e-6));
        assertThat(lines.get(2).contribution()).isCloseTo(0, within(1e-15));
        assertThat(lines.get(3).contribution()).isCloseTo(0, within(1e-15));
        assertThat(lines.get(4).standardUncertainty()).isCloseTo(0.58e-6, within(0.005e-6));
        assertThat(lines.get(4).contribution()).isCloseTo(2.9, within(0.05));
        assertThat(lines.get(4).degreesOfFreedom()).isCloseTo(50, within(1e-9));
        assertThat(lines.get(5).standardUncertainty()).isCloseTo(0.029, within(0.0005));
        assertThat(lines.get(5).contribution()).isCloseTo(16.6, within(0.05));
        assertThat(lines.get(5).degreesOfFreedom()).isCloseTo(2, within(1e-12));
    }

    @Test
    void h1CombinedUncertainty32NanometresNuEff16point7TruncatedTo16KIs2point92AndU99Is93Nanometres() {
        EvaluatedUncertainty r = endGauge().evaluate();
        double uc = r.combinedStandardUncertainty();
        assertThat(uc * uc).as("H.1.4: u_c²(l) = 1002 nm²").isCloseTo(1002, within(0.5));
        assertThat(uc).as("H.1.4: u_c(l) = 32 nm").isCloseTo(32, within(0.5));
        assertThat(r.effectiveDegreesOfFreedom()).as("H.1.6: ν_eff = 16.7").isCloseTo(16.7, within(0.05));
        assertThat(r.degreesOfFreedomUsed()).as("H.1.6: truncated to 16").isEqualTo(16.0);
        assertThat(r.coverageFactor()).as("H.1.6: t_99(16) = 2.92").isCloseTo(2.92, within(0.005));
        assertThat(r.expandedUncertainty()).isCloseTo(92.5, within(0.1)); // 2.92 × 31.7 before rounding
        ReportedResult reported = r.report(50_000_838);
        assertThat(reported.expandedUncertainty()).as("H.1.6: U_99 = 93 nm").isEqualByComparingTo("93");
        assertThat(reported.coverageFactor()).isEqualByComparingTo("2.92");
        assertThat(reported.coverageProbability()).isEqualByComparingTo("0.99");
        assertThat(reported.value()).isEqualByComparingTo("50000838");
    }

    @Test
    void h1VarianceSharesOfIndependentInputsAddUpToOne() {
        double sum = endGauge().evaluate().lines().stream().mapToDouble(BudgetLine::varianceShare).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    /**
     * EA-4/02 M:2022 S2, calibration of a weight of nominal value 10 kg by comparison with a
     * reference standard: m_X = m_S + δm_D + δm + δm_C + δB, in mg. Printed: u(m_X) = 29.3 mg,
     * U = 2 × 29.3 mg ≅ 59 mg, m_X = (10 000.025 ± 0.059) g.
     */
    @Test
    void ea402S2WeightOf10KilogramsHasU59Milligrams() {
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(
                UncertaintyComponent.normal("m_S", 45, 2),
                UncertaintyComponent.limits("dm_D", Distribution.RECTANGULAR, 15),
                // three ABBA comparisons, pooled s_p(δm) = 25 mg from an earlier evaluation, taken as
                // reliable (the example uses k = 2, so ν is treated as infinite)
                UncertaintyComponent.typeAPooled("dm", 25, 3, Double.POSITIVE_INFINITY),
                UncertaintyComponent.limits("dm_C", Distribution.RECTANGULAR, 10),
                UncertaintyComponent.limits("dB", Distribution.RECTANGULAR, 10)))
                .evaluate();
        assertThat(r.lines().get(0).standardUncertainty()).isCloseTo(22.5, within(0.05));
        assertThat(r.lines().get(1).standardUncertainty()).isCloseTo(8.66, within(0.005));
        assertThat(r.lines().get(2).standardUncertainty()).isCloseTo(14.4, within(0.05));
        assertThat(r.lines().get(3).standardUncertainty()).isCloseTo(5.77, within(0.005));
        assertThat(r.combinedStandardUncertainty()).isCloseTo(29.3, within(0.05));
        assertThat(r.coverageFactor()).isCloseTo(2.0, within(0.005));
        ReportedResult reported = ReportedResult.of(10_000.025, r.expandedUncertainty() / 1000, r.coverageFactor(),
                r.coverageProbability());
        assertThat(reported.expandedUncertainty()).isEqualByComparingTo("0.059");
        assertThat(reported.value()).isEqualByComparingTo("10000.025");
        assertThat(reported.coverageFactor()).isEqualByComparingTo("2.00");
    }
}
