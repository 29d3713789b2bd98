package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases no worked example covers, each checked against a second, independent computation. */
class UncertaintyBudgetTest {

    @Test
    void typeAFromReadingsGivesMeanStandardDeviationUncertaintyOfTheMeanAndNMinusOneDegrees() {
        // readings 10.1, 10.3, 10.2, 10.4, 10.0: mean 10.2, s² = (0.01+0.01+0+0.04+0.04)/4 = 0.025
        TypeAEvaluation a = TypeAEvaluation.of(new double[] {10.1, 10.3, 10.2, 10.4, 10.0});
        assertThat(a.mean()).isCloseTo(10.2, within(1e-12));
        assertThat(a.standardDeviation()).isCloseTo(Math.sqrt(0.025), within(1e-12));
        assertThat(a.standardUncertainty()).isCloseTo(Math.sqrt(0.025 / 5), within(1e-12));
        assertThat(a.degreesOfFreedom()).isEqualTo(4.0);
    }

    @Test
    void typeAKeepsItsDigitsOnALargeOffset() {
        // 10 kg read in mg: the scatter is 0.1 mg on 1e7 mg
        TypeAEvaluation a = TypeAEvaluation.of(new double[] {10_000_000.1, 10_000_000.3, 10_000_000.2});
        assertThat(a.standardDeviation()).isCloseTo(0.1, within(1e-8));
    }

    @Test
    void rejectsATypeAComponentWithFewerThanTwoReadingsNamingIt() {
        assertThatThrownBy(() -> UncertaintyComponent.typeA("repeatability", 1.0))
                .isInstanceOf(UncertaintyInputException.class)
                .hasMessageContaining("repeatability").hasMessageContaining("at least 2 readings")
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("values");
    }

    @Test
    void typeBDivisorsAreRootThreeRootSixRootTwoAndKForNormal() {
        assertThat(UncertaintyComponent.limits("r", Distribution.RECTANGULAR, 3).standardUncertainty())
                .isCloseTo(3 / 1.7320508075688772, within(1e-15));
        assertThat(UncertaintyComponent.limits("t", Distribution.TRIANGULAR, 6).standardUncertainty())
                .isCloseTo(6 / 2.449489742783178, within(1e-15));
        assertThat(UncertaintyComponent.limits("u", Distribution.U_SHAPED, 2).standardUncertainty())
                .isCloseTo(1.4142135623730951, within(1e-15));
        assertThat(UncertaintyComponent.normal("n", 0.5, 2).standardUncertainty()).isEqualTo(0.25);
    }

    @Test
    void rejectsNegativeUncertaintiesNamingTheInput() {
        assertThatThrownBy(() -> UncertaintyComponent.limits("x", Distribution.RECTANGULAR, -1))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("halfWidth");
        assertThatThrownBy(() -> UncertaintyComponent.standard("x", -0.1))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("standardUncertainty");
        assertThatThrownBy(() -> UncertaintyComponent.normal("x", -1, 2))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("expandedUncertainty");
        assertThatThrownBy(() -> UncertaintyComponent.normal("x", 1, 0))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("coverageFactor");
        assertThatThrownBy(() -> UncertaintyComponent.limits("x", Distribution.NORMAL, 1))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("distribution");
        assertThatThrownBy(() -> UncertaintyComponent.standard("x", 1).withDegreesOfFreedom(0.5))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("dof");
    }

    @Test
    void aSingleComponentWithInfiniteDegreesOfFreedomGivesKTwoAndUTwiceU() {
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(UncertaintyComponent.standard("only", 0.3))).evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(0.3, within(1e-15));
        assertThat(r.effectiveDegreesOfFreedom()).isInfinite();
        assertThat(r.coverageFactor()).isEqualTo(2.0);
        assertThat(r.expandedUncertainty()).isCloseTo(0.6, within(1e-15));
        assertThat(r.lines().get(0).varianceShare()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void aSingleTypeAComponentHasItsOwnDegreesOfFreedom() {
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(UncertaintyComponent.typeA("rep", 1, 2, 3, 4))).evaluate();
        assertThat(r.effectiveDegreesOfFreedom()).isCloseTo(3, within(1e-12));
        // second computation: t_{95.45}(3) = 3.31 in Table G.2
        assertThat(r.coverageFactor()).isCloseTo(3.31, within(0.005));
    }

    @Test
    void welchSatterthwaiteAgreesWithAHandComputation() {
        // u1 = 3 (ν = 4), u2 = 4 (ν = ∞) ⇒ u_c = 5, ν_eff = 625 / (81/4) = 30.864… → 30
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(
                UncertaintyComponent.standard("a", 3).withDegreesOfFreedom(4),
                UncertaintyComponent.standard("b", 4))).evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(5, within(1e-12));
        assertThat(r.effectiveDegreesOfFreedom()).isCloseTo(625.0 / (81.0 / 4), within(1e-9));
        assertThat(r.degreesOfFreedomUsed()).isEqualTo(30.0);
        assertThat(r.coverageFactor()).isCloseTo(CoverageFactor.t(0.9545, 30), within(1e-12));
        assertThat(r.lines().get(0).varianceShare()).isCloseTo(9.0 / 25, within(1e-12));
    }

    @Test
    void aZeroSensitivityContributesNothingAndDoesNotLowerTheDegreesOfFreedom() {
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(
                UncertaintyComponent.standard("a", 1),
                UncertaintyComponent.standard("ignored", 100).withSensitivity(0).withDegreesOfFreedom(1))).evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(1, within(1e-15));
        assertThat(r.effectiveDegreesOfFreedom()).isInfinite();
        assertThat(r.lines().get(1).contribution()).isZero();
    }

    @Test
    void allZeroUncertaintiesGiveZeroWithInfiniteDegreesOfFreedom() {
        EvaluatedUncertainty r = UncertaintyBudget.of(List.of(UncertaintyComponent.standard("a", 0)
                .withDegreesOfFreedom(3))).evaluate();
        assertThat(r.combinedStandardUncertainty()).isZero();
        assertThat(r.effectiveDegreesOfFreedom()).isInfinite();
        assertThat(r.expandedUncertainty()).isZero();
    }

    @Test
    void correlationEntersWithTheSignsOfTheSensitivities() {
        // y = x1 − x2 with u1 = u2 = 1, r = +0.8: u_c² = 1 + 1 + 2·(1)(−1)(1)(1)(0.8) = 0.4
        List<UncertaintyComponent> difference = List.of(
                UncertaintyComponent.standard("x1", 1),
                UncertaintyComponent.standard("x2", 1).withSensitivity(-1));
        EvaluatedUncertainty r = new UncertaintyBudget(difference, List.of(new Correlation("x1", "x2", 0.8)), 0.9545)
                .evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(Math.sqrt(0.4), within(1e-12));
        assertThat(r.correlated()).isTrue();
        // second computation: cᵀ V c with V = [[1, .8], [.8, 1]], c = (1, −1)
        double[] c = {1, -1};
        double[][] v = {{1, 0.8}, {0.8, 1}};
        double quadratic = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                quadratic += c[i] * v[i][j] * c[j];
            }
        }
        assertThat(r.combinedStandardUncertainty() * r.combinedStandardUncertainty()).isCloseTo(quadratic, within(1e-12));
        // shares of the diagonal terms no longer add to 1: 0.5/0.2 ... each is 1/0.4
        assertThat(r.lines().get(0).varianceShare()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void fullPositiveCorrelationAddsLinearly() {
        // GUM 5.2.2 note 1: r = +1 for all pairs ⇒ u_c = Σ c_i u_i
        EvaluatedUncertainty r = new UncertaintyBudget(List.of(
                UncertaintyComponent.standard("a", 1), UncertaintyComponent.standard("b", 2)),
                List.of(new Correlation("a", "b", 1.0)), 0.9545).evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(3, within(1e-12));
    }

    @Test
    void rejectsACorrelationOutsideMinusOneToOne() {
        assertThatThrownBy(() -> new Correlation("a", "b", 1.2)).isInstanceOf(UncertaintyInputException.class)
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("r");
    }

    @Test
    void rejectsACorrelationMatrixThatIsNotPositiveSemiDefiniteNamingThePair() {
        // a ~ b and b ~ c strongly, but a and c strongly anti-correlated: impossible
        List<UncertaintyComponent> three = List.of(UncertaintyComponent.standard("a", 1),
                UncertaintyComponent.standard("b", 1), UncertaintyComponent.standard("c", 1));
        List<Correlation> r = List.of(new Correlation("a", "b", 0.9), new Correlation("b", "c", 0.9),
                new Correlation("a", "c", -0.9));
        assertThatThrownBy(() -> new UncertaintyBudget(three, r, 0.9545))
                .isInstanceOf(UncertaintyInputException.class)
                .hasMessageContaining("positive semi-definite")
                .hasMessageContaining("r(a, c) = -0.9")
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("correlations[2].r");
    }

    @Test
    void acceptsASemiDefiniteCorrelationMatrix() {
        // a = b = c exactly: all r = 1, rank 1
        List<UncertaintyComponent> three = List.of(UncertaintyComponent.standard("a", 1),
                UncertaintyComponent.standard("b", 1), UncertaintyComponent.standard("c", 1));
        EvaluatedUncertainty e = new UncertaintyBudget(three, List.of(new Correlation("a", "b", 1),
                new Correlation("b", "c", 1), new Correlation("a", "c", 1)), 0.9545).evaluate();
        assertThat(e.combinedStandardUncertainty()).isCloseTo(3, within(1e-12));
    }

    @Test
    void rejectsUnknownSelfAndRepeatedCorrelationsAndDuplicateNames() {
        List<UncertaintyComponent> two = List.of(UncertaintyComponent.standard("a", 1), UncertaintyComponent.standard("b", 1));
        assertThatThrownBy(() -> new UncertaintyBudget(two, List.of(new Correlation("a", "zz", 0.1)), 0.9545))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("correlations[0].b");
        assertThatThrownBy(() -> new UncertaintyBudget(two, List.of(new Correlation("a", "a", 0.1)), 0.9545))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("correlations[0].b");
        assertThatThrownBy(() -> new UncertaintyBudget(two,
                List.of(new Correlation("a", "b", 0.1), new Correlation("b", "a", 0.2)), 0.9545))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("correlations[1]");
        assertThatThrownBy(() -> UncertaintyBudget.of(List.of(UncertaintyComponent.standard("a", 1),
                UncertaintyComponent.standard("a", 2))))
                .extracting(e -> ((UncertaintyInputException) e).input()).isEqualTo("components[1].name");
    }

    @Test
    void aNegativeCorrelationLowersTheEffectiveDegreesOfFreedom() {
        // documented choice: W–S with the correlated u_c in the numerator.
        // u1 = u2 = 1, ν = 10 each, c = (1, 1), r = −0.5: u_c² = 1; ν_eff = 1 / (1/10 + 1/10) = 5
        EvaluatedUncertainty r = new UncertaintyBudget(List.of(
                UncertaintyComponent.standard("a", 1).withDegreesOfFreedom(10),
                UncertaintyComponent.standard("b", 1).withDegreesOfFreedom(10)),
                List.of(new Correlation("a", "b", -0.5)), 0.9545).evaluate();
        assertThat(r.combinedStandardUncertainty()).isCloseTo(1, within(1e-12));
        assertThat(r.effectiveDegreesOfFreedom()).isCloseTo(5, within(1e-9));
    }
}
