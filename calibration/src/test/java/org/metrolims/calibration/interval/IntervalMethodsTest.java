package org.metrolims.calibration.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalMethodsTest {

    @Test
    void simpleResponseShorteningBalancesLengtheningAtTheTarget() {
        // hand-worked: b = 1 − 1.1^(−19) = 1 − 1/6.115909 = 0.836492
        double b = SimpleResponseMethod.balancedShortening(0.10, 0.95);
        assertThat(b).isCloseTo(0.836492, within(1e-6));
        assertThat(0.95 * Math.log(1.1) + 0.05 * Math.log(1 - b)).isCloseTo(0, within(1e-12));
        assertThat(SimpleResponseMethod.next(365, true, 0.10, 0.95)).isCloseTo(401.5, within(1e-9));
        assertThat(SimpleResponseMethod.next(365, false, 0.10, 0.95)).isCloseTo(365 * 0.163508, within(1e-3));
    }

    @Test
    void intervalTestKeepsTheIntervalWhenTheTargetIsInsideTheConfidenceBounds() {
        var r = IntervalTestMethod.evaluate(19, 20, 365, 0.95, 0.90);
        assertThat(r.action()).isEqualTo(IntervalTestMethod.Action.KEEP);
        assertThat(r.recommendedInterval()).isCloseTo(365, within(1e-12));
        assertThat(r.lowerBound()).isLessThan(0.95);
        assertThat(r.upperBound()).isGreaterThan(0.95);
    }

    @Test
    void intervalTestLengthensFromTheLowerBoundWhenAllWereInTolerance() {
        // x = n: the Clopper–Pearson lower bound is (α/2)^(1/n) = 0.05^(1/100) = 0.970487
        var r = IntervalTestMethod.evaluate(100, 100, 365, 0.95, 0.90);
        assertThat(r.lowerBound()).isCloseTo(Math.pow(0.05, 0.01), within(1e-9));
        assertThat(r.action()).isEqualTo(IntervalTestMethod.Action.LENGTHEN);
        // factor ln 0.95 / ln 0.970487 = 0.051293 / 0.029957 = 1.71221
        assertThat(r.recommendedInterval()).isCloseTo(365 * 1.71221, within(0.05));
    }

    @Test
    void intervalTestShortensByExponentialExtrapolationWhenReliabilityIsSignificantlyLow() {
        // 30 of 50 = 0.6 against 0.8: factor ln 0.8 / ln 0.6 = 0.223144 / 0.510826 = 0.436830
        var r = IntervalTestMethod.evaluate(30, 50, 360, 0.80, 0.90);
        assertThat(r.upperBound()).isLessThan(0.80);
        assertThat(r.action()).isEqualTo(IntervalTestMethod.Action.SHORTEN);
        assertThat(r.recommendedInterval()).isCloseTo(360 * 0.436830, within(1e-3));
    }

    @Test
    void intervalTestBoundsTheStepToAQuarterOfTheInterval() {
        var r = IntervalTestMethod.evaluate(10, 20, 400, 0.95, 0.90);
        assertThat(r.action()).isEqualTo(IntervalTestMethod.Action.SHORTEN);
        assertThat(r.recommendedInterval()).isCloseTo(100, within(1e-9));
    }

    @Test
    void clopperPearsonBoundsAgreeWithTheBinomialTailsTheyInvert() {
        // independent check: at R_L, P(X ≥ x) = α/2; at R_U, P(X ≤ x) = α/2 (binomial sums by hand)
        var r = IntervalTestMethod.evaluate(17, 20, 100, 0.95, 0.90);
        assertThat(upperTail(20, 17, r.lowerBound())).isCloseTo(0.05, within(1e-9));
        assertThat(1 - upperTail(20, 18, r.upperBound())).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void rejectsZeroOrNegativeIntervalsAndTargetsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new IntervalObservation(0, true)).isInstanceOfSatisfying(
                IntervalInputException.class, e -> assertThat(e.field()).isEqualTo("intervalDays"));
        assertThatThrownBy(() -> IntervalTestMethod.evaluate(1, 2, -30, 0.95, 0.9)).isInstanceOfSatisfying(
                IntervalInputException.class, e -> assertThat(e.field()).isEqualTo("interval"));
        assertThatThrownBy(() -> SimpleResponseMethod.balancedShortening(0.1, 1.0)).isInstanceOfSatisfying(
                IntervalInputException.class, e -> assertThat(e.field()).isEqualTo("reliabilityTarget"));
    }

    /** P(X ≥ k) for X ~ Bin(n, p), summed term by term. */
    private static double upperTail(int n, int k, double p) {
        double s = 0;
        for (int i = k; i <= n; i++) {
            s += binomial(n, i) * Math.pow(p, i) * Math.pow(1 - p, n - i);
        }
        return s;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
