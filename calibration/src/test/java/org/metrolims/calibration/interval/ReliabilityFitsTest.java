package org.metrolims.calibration.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReliabilityFitsTest {

    private static List<IntervalObservation> group(double t, int n, int in, List<IntervalObservation> into) {
        for (int i = 0; i < n; i++) {
            into.add(new IntervalObservation(t, i < in));
        }
        return into;
    }

    @Test
    void exponentialFitMatchesTheClosedFormWhenEveryIntervalIsTheSame() {
        var data = group(365, 100, 90, new ArrayList<>());
        var fit = ReliabilityFits.exponential(data, 0.95, 0.95).orElseThrow();
        double lambda = -Math.log(0.9) / 365; // closed form λ̂ = −ln(x/n)/T
        assertThat(1 / fit.scale()).isCloseTo(lambda, within(1e-9));
        // t* = T ln R* / ln p̂ = 365 · 0.0512933 / 0.1053605 = 177.6958
        assertThat(fit.recommendedInterval()).isCloseTo(177.6958, within(1e-3));
        assertThat(fit.reliabilityAt(fit.recommendedInterval())).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void exponentialLikelihoodRatioBoundsMatchTheBinomialProfileSolvedSeparately() {
        var data = group(365, 100, 90, new ArrayList<>());
        var fit = ReliabilityFits.exponential(data, 0.95, 0.95).orElseThrow();
        // with one interval, λ ↔ p = e^(−λT) is one-to-one, so the LR bounds are those of the binomial p:
        // 2[x ln(p̂/p) + (n−x) ln((1−p̂)/(1−p))] = χ²₁(0.95) = 3.841459, solved here by bisection
        double pLow = bisect(p -> deviance(90, 100, p) - 3.841459, 0.5, 0.9);
        double pHigh = bisect(p -> -(deviance(90, 100, p) - 3.841459), 0.9, 0.999999);
        double k = Math.log(0.95);
        assertThat(fit.lowerInterval()).isCloseTo(365 * k / Math.log(pLow), within(1e-3));
        assertThat(fit.upperInterval()).isCloseTo(365 * k / Math.log(pHigh), within(1e-3));
        assertThat(fit.lowerInterval()).isLessThan(fit.recommendedInterval());
        assertThat(fit.upperInterval()).isGreaterThan(fit.recommendedInterval());
    }

    @Test
    void exponentialFitZeroesTheScoreWithMixedIntervals() {
        var data = new ArrayList<IntervalObservation>();
        group(90, 40, 39, data);
        group(180, 60, 55, data);
        group(365, 50, 41, data);
        group(540, 20, 12, data);
        double lambda = 1 / ReliabilityFits.exponential(data, 0.95, 0.95).orElseThrow().scale();
        // dℓ/dλ = Σ −x t + (n−x) t e^(−λt)/(1 − e^(−λt)) = 0 at the maximum (derived by hand)
        double[][] g = {{90, 40, 39}, {180, 60, 55}, {365, 50, 41}, {540, 20, 12}};
        double score = 0;
        double scale = 0;
        for (double[] r : g) {
            double e = Math.exp(-lambda * r[0]);
            score += -r[2] * r[0] + (r[1] - r[2]) * r[0] * e / (1 - e);
            scale += r[1] * r[0];
        }
        assertThat(score / scale).isCloseTo(0, within(1e-7));
    }

    @Test
    void weibullFitReproducesTwoIntervalsExactly() {
        // two groups, two parameters: the fit is exact. By hand:
        // β = [ln(−ln 0.88) − ln(−ln 0.97)] / ln 2, ln η = ln 180 − ln(−ln 0.97)/β
        var data = new ArrayList<IntervalObservation>();
        group(180, 100, 97, data);
        group(360, 100, 88, data);
        double beta = (Math.log(-Math.log(0.88)) - Math.log(-Math.log(0.97))) / Math.log(2);
        double eta = Math.exp(Math.log(180) - Math.log(-Math.log(0.97)) / beta);
        var fit = ReliabilityFits.weibull(data, 0.95, 0.95).orElseThrow();
        assertThat(fit.shape()).isCloseTo(beta, within(1e-4 * beta));
        assertThat(fit.scale()).isCloseTo(eta, within(1e-4 * eta));
        assertThat(fit.reliabilityAt(180)).isCloseTo(0.97, within(1e-6));
        assertThat(fit.reliabilityAt(360)).isCloseTo(0.88, within(1e-6));
        double tStar = eta * Math.pow(-Math.log(0.95), 1 / beta);
        assertThat(fit.recommendedInterval()).isCloseTo(tStar, within(1e-3 * tStar));
        assertThat(fit.lowerInterval()).isBetween(0.0, tStar);
        assertThat(fit.upperInterval()).isGreaterThan(tStar).isFinite();
    }

    @Test
    void weibullFitFindsShapeOneOnExponentialData() {
        // counts rounded from R(t) = exp(−t/1000) at 1000 results per interval
        var data = new ArrayList<IntervalObservation>();
        for (int t : new int[] {100, 200, 400, 800}) {
            group(t, 1000, (int) Math.round(1000 * Math.exp(-t / 1000.0)), data);
        }
        var fit = ReliabilityFits.weibull(data, 0.95, 0.95).orElseThrow();
        assertThat(fit.shape()).isCloseTo(1.0, within(0.02));
        assertThat(fit.scale()).isCloseTo(1000, within(20.0));
    }

    @Test
    void noFitWithoutAnyOutOfToleranceResult() {
        var data = group(365, 50, 50, new ArrayList<>());
        assertThat(ReliabilityFits.exponential(data, 0.95, 0.95)).isEmpty();
        assertThat(ReliabilityFits.weibull(data, 0.95, 0.95)).isEmpty();
    }

    @Test
    void analysisWithTooFewResultsSaysSoAndProposesNothing() {
        var result = IntervalAnalysis.analyse(group(365, 12, 12, new ArrayList<>()), 365, 0.95, 0.95);
        assertThat(result.warnings()).contains(IntervalAnalysis.Warning.TOO_FEW_RESULTS,
                IntervalAnalysis.Warning.NO_OUT_OF_TOLERANCE);
        assertThat(result.tooLittleHistory()).isTrue();
        assertThat(result.source()).isEqualTo(IntervalAnalysis.Source.NONE);
        assertThat(result.recommendedInterval()).isEmpty();
    }

    @Test
    void analysisOfNoResultsAtAllProposesNothing() {
        var result = IntervalAnalysis.analyse(new ArrayList<>(), 365, 0.95, 0.95);
        assertThat(result.tooLittleHistory()).isTrue();
        assertThat(result.recommendedInterval()).isEmpty();
        assertThat(result.source()).isEqualTo(IntervalAnalysis.Source.NONE);
    }

    @Test
    void analysisRecommendsAFitWhenThereIsEnoughHistory() {
        var data = new ArrayList<IntervalObservation>();
        group(180, 100, 97, data);
        group(360, 100, 88, data);
        var result = IntervalAnalysis.analyse(data, 360, 0.95, 0.95);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.source()).isIn(IntervalAnalysis.Source.WEIBULL_FIT, IntervalAnalysis.Source.EXPONENTIAL_FIT);
        assertThat(result.recommendedInterval().orElseThrow()).isBetween(100.0, 360.0);
        assertThat(result.intervalTest().orElseThrow().action()).isEqualTo(IntervalTestMethod.Action.SHORTEN);
    }

    private static double deviance(int x, int n, double p) {
        double ph = (double) x / n;
        return 2 * (x * Math.log(ph / p) + (n - x) * Math.log((1 - ph) / (1 - p)));
    }

    private static double bisect(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double fm = f.applyAsDouble(mid);
            if (Math.signum(fm) == Math.signum(flo)) {
                lo = mid;
                flo = fm;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
