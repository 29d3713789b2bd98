package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JCGM 100:2008 H.2 (simultaneous resistance and reactance measurement: correlated inputs) and
 * H.3 (calibration of a thermometer: a least-squares line with correlated coefficients), to the
 * digits the GUM prints; every tolerance is half a unit of the last printed digit.
 */
class GumAnnexH2H3Test {

    // H.2, Table H.2: five simultaneous observations of V (V), I (A; printed in mA) and φ (rad)
    static final double[] V = {5.007, 4.994, 5.005, 4.990, 4.999};
    static final double[] I = {19.663e-3, 19.639e-3, 19.640e-3, 19.685e-3, 19.678e-3};
    static final double[] PHI = {1.0456, 1.0438, 1.0468, 1.0428, 1.0433};

    // H.3, Table H.6: thermometer readings t_k (°C) and observed corrections b_k (°C), t₀ = 20 °C
    static final double[] T = {21.521, 22.012, 22.512, 23.003, 23.507, 23.999, 24.513, 25.002, 25.503, 26.010, 26.511};
    static final double[] B = {-0.171, -0.169, -0.166, -0.159, -0.164, -0.165, -0.156, -0.157, -0.159, -0.161, -0.160};

    static List<Correlation> correlationsOfTableH2() {
        return List.of(Correlation.fromReadings("V", V, "I", I), Correlation.fromReadings("V", V, "phi", PHI),
                Correlation.fromReadings("I", I, "phi", PHI));
    }

    /** H.2.3, approach 1: each output through the law of propagation with the input correlations. */
    static EvaluatedUncertainty output(double cV, double cI, double cPhi) {
        return new UncertaintyBudget(List.of(
                UncertaintyComponent.typeA("V", V).withSensitivity(cV),
                UncertaintyComponent.typeA("I", I).withSensitivity(cI),
                UncertaintyComponent.typeA("phi", PHI).withSensitivity(cPhi)),
                correlationsOfTableH2(), CoverageFactor.DEFAULT_PROBABILITY).evaluate();
    }

    @Test
    void h2TableH2MeansStandardDeviationsOfTheMeanAndCorrelations() {
        assertThat(TypeAEvaluation.of(V).mean()).isCloseTo(4.9990, within(0.00005));
        assertThat(TypeAEvaluation.of(V).standardUncertainty()).isCloseTo(0.0032, within(0.00005));
        assertThat(TypeAEvaluation.of(I).mean()).isCloseTo(19.6610e-3, within(0.00005e-3));
        assertThat(TypeAEvaluation.of(I).standardUncertainty()).isCloseTo(0.0095e-3, within(0.00005e-3));
        assertThat(TypeAEvaluation.of(PHI).mean()).isCloseTo(1.04446, within(0.000005));
        assertThat(TypeAEvaluation.of(PHI).standardUncertainty()).isCloseTo(0.00075, within(0.000005));
        List<Correlation> r = correlationsOfTableH2();
        assertThat(r.get(0).r()).isCloseTo(-0.36, within(0.005));
        assertThat(r.get(1).r()).isCloseTo(0.86, within(0.005));
        assertThat(r.get(2).r()).isCloseTo(-0.65, within(0.005));
    }

    /** H.2.4, approach 2: the outputs computed per observation, then evaluated Type A (Table H.4). */
    @Test
    void h2Approach2GivesTableH4ResultsUncertaintiesAndOutputCorrelations() {
        int n = V.length;
        double[] r = new double[n];
        double[] x = new double[n];
        double[] z = new double[n];
        for (int k = 0; k < n; k++) { // R = V/I cos φ, X = V/I sin φ, Z = V/I (H.2.2, Eqs. H.7)
            r[k] = V[k] / I[k] * Math.cos(PHI[k]);
            x[k] = V[k] / I[k] * Math.sin(PHI[k]);
            z[k] = V[k] / I[k];
        }
        assertThat(TypeAEvaluation.of(r).mean()).isCloseTo(127.732, within(0.0005));
        assertThat(TypeAEvaluation.of(r).standardUncertainty()).isCloseTo(0.071, within(0.0005));
        assertThat(TypeAEvaluation.of(x).mean()).isCloseTo(219.847, within(0.0005));
        assertThat(TypeAEvaluation.of(x).standardUncertainty()).isCloseTo(0.295, within(0.0005));
        assertThat(TypeAEvaluation.of(z).mean()).isCloseTo(254.260, within(0.0005));
        assertThat(TypeAEvaluation.of(z).standardUncertainty()).isCloseTo(0.236, within(0.0005));
        assertThat(Correlation.fromReadings("R", r, "X", x).r()).isCloseTo(-0.588, within(0.0005));
        assertThat(Correlation.fromReadings("R", r, "Z", z).r()).isCloseTo(-0.485, within(0.0005));
        assertThat(Correlation.fromReadings("X", x, "Z", z).r()).isCloseTo(0.993, within(0.0005));
    }

    /**
     * H.2.3, approach 1: the law of propagation at the means with the input correlations. It agrees
     * with approach 2 to first order (the model is not linear), here within 0.001 Ω of Table H.4.
     */
    @Test
    void h2Approach1WithCorrelatedInputsAgreesWithApproach2ToFirstOrder() {
        double v = TypeAEvaluation.of(V).mean();
        double i = TypeAEvaluation.of(I).mean();
        double phi = TypeAEvaluation.of(PHI).mean();
        EvaluatedUncertainty r = output(Math.cos(phi) / i, -v * Math.cos(phi) / (i * i), -v * Math.sin(phi) / i);
        EvaluatedUncertainty x = output(Math.sin(phi) / i, -v * Math.sin(phi) / (i * i), v * Math.cos(phi) / i);
        EvaluatedUncertainty z = output(1 / i, -v / (i * i), 0);
        assertThat(r.combinedStandardUncertainty()).isCloseTo(0.071, within(0.001));
        assertThat(x.combinedStandardUncertainty()).isCloseTo(0.295, within(0.001));
        assertThat(z.combinedStandardUncertainty()).isCloseTo(0.236, within(0.001));
        assertThat(r.correlated()).isTrue();
    }

    @Test
    void h2IgnoringTheCorrelationsGivesAVisiblyDifferentUncertaintyOfR() {
        double v = TypeAEvaluation.of(V).mean();
        double i = TypeAEvaluation.of(I).mean();
        double phi = TypeAEvaluation.of(PHI).mean();
        double independent = UncertaintyBudget.of(List.of(
                UncertaintyComponent.typeA("V", V).withSensitivity(Math.cos(phi) / i),
                UncertaintyComponent.typeA("I", I).withSensitivity(-v * Math.cos(phi) / (i * i)),
                UncertaintyComponent.typeA("phi", PHI).withSensitivity(-v * Math.sin(phi) / i)))
                .evaluate().combinedStandardUncertainty();
        // the correlations are what bring u(R) down to the GUM's 0.071 Ω
        assertThat(independent).isGreaterThan(0.1);
    }

    @Test
    void h3LeastSquaresLineHasTheCoefficientsUncertaintiesAndCorrelationOfH3_3() {
        LinearCalibrationCurve curve = LinearCalibrationCurve.fit(20, T, B);
        assertThat(curve.intercept()).isCloseTo(-0.1712, within(0.00005));
        assertThat(curve.slope()).isCloseTo(0.00218, within(0.000005));
        assertThat(curve.residualStandardDeviation()).isCloseTo(0.0035, within(0.00005));
        assertThat(curve.interceptUncertainty()).isCloseTo(0.0029, within(0.00005));
        assertThat(curve.slopeUncertainty()).isCloseTo(0.00067, within(0.000005));
        assertThat(curve.correlation()).isCloseTo(-0.930, within(0.0005));
        assertThat(curve.degreesOfFreedom()).isEqualTo(9);
    }

    @Test
    void h3PredictedCorrectionAt30DegreesIsMinus0point1494WithUncertainty0point0041() {
        LinearCalibrationCurve curve = LinearCalibrationCurve.fit(20, T, B);
        assertThat(curve.correctionAt(30)).isCloseTo(-0.1494, within(0.00005));
        assertThat(curve.standardUncertaintyAt(30)).isCloseTo(0.0041, within(0.00005));
        // the same figure through a correlated budget (5.2.2, Eq. 16) with the fit's r(y1, y2)
        EvaluatedUncertainty viaBudget = new UncertaintyBudget(List.of(
                UncertaintyComponent.standard("y1", curve.interceptUncertainty()),
                UncertaintyComponent.standard("y2", curve.slopeUncertainty()).withSensitivity(10)),
                List.of(new Correlation("y1", "y2", curve.correlation())), CoverageFactor.DEFAULT_PROBABILITY).evaluate();
        assertThat(viaBudget.combinedStandardUncertainty()).isCloseTo(curve.standardUncertaintyAt(30), within(1e-12));
        // at t₀ the uncertainty is u(y1) alone; it is smallest near the mean reading, not at t₀
        assertThat(curve.standardUncertaintyAt(20)).isCloseTo(curve.interceptUncertainty(), within(1e-15));
        assertThat(curve.standardUncertaintyAt(24)).isLessThan(curve.standardUncertaintyAt(20));
    }

    @Test
    void h3CoverageFactorComesFromTheFitsNineDegreesOfFreedom() {
        LinearCalibrationCurve curve = LinearCalibrationCurve.fit(20, T, B);
        // t_0.95(9) = 2.26 (Table G.2)
        assertThat(curve.coverageFactor(0.95)).isCloseTo(2.26, within(0.005));
    }

    @Test
    void rejectsACurveThroughOnePointOrWithoutSpread() {
        assertThatThrownBy(() -> LinearCalibrationCurve.fit(20, new double[] {21, 22}, new double[] {0.1, 0.2}))
                .isInstanceOf(UncertaintyInputException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> LinearCalibrationCurve.fit(20, new double[] {21, 21, 21}, new double[] {0.1, 0.2, 0.3}))
                .isInstanceOf(UncertaintyInputException.class).hasMessageContaining("same point");
        assertThatThrownBy(() -> Correlation.fromReadings("a", new double[] {1, 1, 1}, "b", new double[] {1, 2, 3}))
                .isInstanceOf(UncertaintyInputException.class).hasMessageContaining("'a' do not vary");
    }
}
