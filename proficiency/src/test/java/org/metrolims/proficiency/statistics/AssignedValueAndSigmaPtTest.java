package org.metrolims.proficiency.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AssignedValueAndSigmaPtTest {

    @Test
    void consensusUncertaintyIsOnePointTwoFiveRobustSdOverRootP() {
        AlgorithmAResult robust = new AlgorithmAResult(5.0, 0.8, 25, 12, AlgorithmAResult.InitialScale.MADE);
        AssignedValue av = AssignedValue.consensus(robust);
        assertThat(av.value()).isCloseTo(5.0, within(0.0));
        assertThat(av.standardUncertainty()).isCloseTo(1.25 * 0.8 / 5, within(1e-15));
        assertThat(av.expandedUncertainty()).isCloseTo(0.4, within(1e-15));
        assertThat(av.method()).isEqualTo(AssignedValue.Method.CONSENSUS_ALGORITHM_A);
        assertThat(av.participants()).isEqualTo(25);
        assertThat(av.iterations()).isEqualTo(12);
    }

    @Test
    void independentAssignedValuesTakeStandardUncertaintyFromUOverK() {
        AssignedValue crm = AssignedValue.certifiedReferenceMaterial(21.62, 0.52, 2);
        assertThat(crm.standardUncertainty()).isCloseTo(0.26, within(1e-15));
        assertThat(crm.expandedUncertainty()).isCloseTo(0.52, within(1e-15));
        assertThat(crm.method()).isEqualTo(AssignedValue.Method.CERTIFIED_REFERENCE_MATERIAL);
        AssignedValue lab = AssignedValue.referenceLaboratory(3.0, 0.3, Math.sqrt(3));
        assertThat(lab.standardUncertainty()).isCloseTo(0.3 / Math.sqrt(3), within(1e-15));
        assertThat(AssignedValue.referenceValue(0.0, 0.0, 2).standardUncertainty()).isCloseTo(0.0, within(0.0));
        assertThatThrownBy(() -> AssignedValue.referenceValue(1.0, -0.1, 2))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> AssignedValue.referenceValue(Double.NaN, 0.1, 2))
                .isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> AssignedValue.certifiedReferenceMaterial(1.0, 0.1, 0))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("coverage factor");
    }

    @Test
    void horwitzMatchesIso13528ExampleE9() {
        // E.9 prints sigma_pt = 0.186 mg/kg at 1.195 mg/kg and 0.356 mg/kg at 2.565 mg/kg
        assertThat(SigmaPt.horwitzThompson(1.195e-6) * 1e6).isCloseTo(0.186, within(0.0005));
        assertThat(SigmaPt.horwitz(2.565e-6).value() * 1e6).isCloseTo(0.356, within(0.0005));
        assertThat(SigmaPt.horwitz(2.565e-6).source()).isEqualTo(SigmaPt.Source.HORWITZ);
    }

    @Test
    void horwitzFollowsThompsonsModificationOutsideTheMiddleRange() {
        // Thompson (2000): 0.22 c below 1.2e-7 (22 % relative), 0.01 c^0.5 above 0.138
        assertThat(SigmaPt.horwitzThompson(1e-9)).isCloseTo(0.22e-9, within(1e-24));
        assertThat(SigmaPt.horwitzThompson(1.1e-7)).isCloseTo(0.22 * 1.1e-7, within(1e-22));
        assertThat(SigmaPt.horwitzThompson(1.2e-7)).isCloseTo(0.02 * Math.pow(1.2e-7, 0.8495), within(1e-22));
        assertThat(SigmaPt.horwitzThompson(0.138)).isCloseTo(0.02 * Math.pow(0.138, 0.8495), within(1e-15));
        assertThat(SigmaPt.horwitzThompson(0.5)).isCloseTo(0.01 * Math.sqrt(0.5), within(1e-15));
        assertThat(SigmaPt.horwitzThompson(1.0)).isCloseTo(0.01, within(1e-15));
        // relative sd at 1 % (c = 0.01): the classical 2^(1 - 0.5 log10 c) % = 4 % minus Horwitz's rounding
        assertThat(SigmaPt.horwitzThompson(0.01) / 0.01).isCloseTo(0.02 * Math.pow(0.01, -0.1505), within(1e-15));
        assertThatThrownBy(() -> SigmaPt.horwitzThompson(0)).isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("mass fraction");
        assertThatThrownBy(() -> SigmaPt.horwitzThompson(1.5)).isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> SigmaPt.horwitzThompson(Double.NaN)).isInstanceOf(InvalidResultException.class);
    }

    @Test
    void sigmaPtMustBePositive() {
        assertThat(SigmaPt.fixed(0.25).value()).isCloseTo(0.25, within(0.0));
        assertThatThrownBy(() -> SigmaPt.fixed(0)).isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("sigma_pt");
        assertThatThrownBy(() -> SigmaPt.fixed(Double.POSITIVE_INFINITY)).isInstanceOf(InvalidResultException.class);
        AlgorithmAResult robust = new AlgorithmAResult(5.0, 0.8, 25, 12, AlgorithmAResult.InitialScale.MADE);
        assertThat(SigmaPt.fromRobustStandardDeviation(robust).value()).isCloseTo(0.8, within(0.0));
    }
}
