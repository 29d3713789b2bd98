package org.metrolims.calibration.interval;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Maximum-likelihood fits of end-of-period reliability models to as-found history (NCSLI RP-1 (2010)
 * Appendix D, "Method S2": the binomial likelihood of the observed in- and out-of-tolerance results;
 * ILAC G24 / OIML D 10 clause 3 "statistical methods").
 *
 * <p>Each result at interval t_i is a Bernoulli trial with success probability R(t_i); results at the
 * same interval are grouped (n_i returned, x_i in tolerance), so the log-likelihood is
 * ℓ = Σ [x_i ln R(t_i) + (n_i − x_i) ln(1 − R(t_i))].
 *
 * <ul>
 *   <li><b>Exponential</b> R(t) = e^(−λt): ℓ is maximised over ln λ with Brent's method. When every
 *       interval is the same T the maximum has the closed form λ̂ = −ln(x/n)/T. The confidence bounds
 *       of t* = (−ln R*) / λ come from the likelihood-ratio interval for λ, {λ : 2(ℓ̂ − ℓ(λ)) ≤ χ²₁(C)}.</li>
 *   <li><b>Weibull</b> R(t) = exp(−(t/η)^β): ℓ is maximised over (ln η, ln β) with the Nelder–Mead
 *       simplex (Commons Math), started from the exponential fit. It needs results at two or more
 *       distinct intervals (else β is not identified). The bounds of t* = η(−ln R*)^(1/β) come from
 *       the delta method on ln t*, with the covariance of (ln η, ln β) taken as the inverse of the
 *       observed information (a central-difference Hessian of −ℓ).</li>
 * </ul>
 * A fit needs at least one in- and one out-of-tolerance result; with none out of tolerance the
 * likelihood grows without bound as λ → 0 and no interval can be recommended.
 */
final class ReliabilityFits {

    private static final double LOG_SPAN = 40;

    private ReliabilityFits() {
    }

    /** The exponential fit, or empty when the results are all in or all out of tolerance. */
    public static Optional<ReliabilityFit> exponential(List<IntervalObservation> results, double target, double confidence) {
        Grouped g = checkAndGroup(results, target, confidence);
        if (!g.mixed()) {
            return Optional.empty();
        }
        UnivariateFunction logL = logLambda -> g.logLikelihood(Math.exp(-logLambda), 1);
        double center = -Math.log(g.meanInterval());
        var best = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(logL), GoalType.MAXIMIZE,
                new SearchInterval(center - LOG_SPAN / 2, center + LOG_SPAN / 2, center));
        double logLambda = best.getPoint();
        double maxLogL = best.getValue();
        double chi2 = ChiSquaredDistribution.of(1).inverseCumulativeProbability(confidence);
        UnivariateFunction deficit = t -> 2 * (maxLogL - logL.value(t)) - chi2;
        double lambdaLow = boundary(deficit, logLambda - LOG_SPAN, logLambda).map(Math::exp).orElse(0.0);
        double lambdaHigh = boundary(deficit, logLambda, logLambda + LOG_SPAN).map(Math::exp)
                .orElse(Double.POSITIVE_INFINITY);
        double lambda = Math.exp(logLambda);
        double k = -Math.log(target);
        return Optional.of(new ReliabilityFit(ReliabilityModel.EXPONENTIAL, 1 / lambda, 1, maxLogL, target,
                k / lambda, k / lambdaHigh, lambdaLow == 0 ? Double.POSITIVE_INFINITY : k / lambdaLow, confidence));
    }

    /** The Weibull fit, or empty when the data cannot identify its shape (one interval, no mixed results). */
    public static Optional<ReliabilityFit> weibull(List<IntervalObservation> results, double target, double confidence) {
        Grouped g = checkAndGroup(results, target, confidence);
        if (!g.mixed() || g.t.length < 2) {
            return Optional.empty();
        }
        double startScale = exponential(results, target, confidence).orElseThrow().scale();
        var objective = new ObjectiveFunction(p -> {
            double shape = Math.exp(p[1]);
            double v = g.logLikelihood(Math.exp(p[0]), shape);
            // keep β in [0.05, 50]: outside it the data are separated and the optimum runs away
            return Double.isFinite(v) && shape >= 0.05 && shape <= 50 ? v : -1e300;
        });
        double[] start = {Math.log(startScale), 0};
        PointValuePair best = null;
        for (int restart = 0; restart < 3; restart++) {
            best = new SimplexOptimizer(1e-13, 1e-15).optimize(new MaxEval(20_000), objective, GoalType.MAXIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(new double[] {0.3, 0.3}));
            start = best.getPoint();
        }
        double logScale = best.getPoint()[0];
        double logShape = best.getPoint()[1];
        double scale = Math.exp(logScale);
        double shape = Math.exp(logShape);
        double recommended = ReliabilityFit.intervalFor(scale, shape, target);
        double[][] cov = inverseInformation(g, logScale, logShape);
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        if (cov != null) {
            // ln t* = ln η + (1/β) ln(−ln R*): gradient (1, −ln(−ln R*)/β) in (ln η, ln β)
            double gShape = -Math.log(-Math.log(target)) / shape;
            double var = cov[0][0] + 2 * gShape * cov[0][1] + gShape * gShape * cov[1][1];
            if (var >= 0 && Double.isFinite(var)) {
                double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + confidence) / 2);
                double se = Math.sqrt(var);
                low = recommended * Math.exp(-z * se);
                high = recommended * Math.exp(z * se);
            }
        }
        return Optional.of(new ReliabilityFit(ReliabilityModel.WEIBULL, scale, shape, best.getValue(), target,
                recommended, low, high, confidence));
    }

    private static double[][] inverseInformation(Grouped g, double a, double b) {
        double h = 1e-4;
        java.util.function.DoubleBinaryOperator f = (x, y) -> g.logLikelihood(Math.exp(x), Math.exp(y));
        double f0 = f.applyAsDouble(a, b);
        double faa = (f.applyAsDouble(a + h, b) - 2 * f0 + f.applyAsDouble(a - h, b)) / (h * h);
        double fbb = (f.applyAsDouble(a, b + h) - 2 * f0 + f.applyAsDouble(a, b - h)) / (h * h);
        double fab = (f.applyAsDouble(a + h, b + h) - f.applyAsDouble(a + h, b - h)
                - f.applyAsDouble(a - h, b + h) + f.applyAsDouble(a - h, b - h)) / (4 * h * h);
        // information I = −Hessian; covariance = I⁻¹
        double i11 = -faa;
        double i22 = -fbb;
        double i12 = -fab;
        double det = i11 * i22 - i12 * i12;
        if (!(i11 > 0 && det > 0) || !Double.isFinite(det)) {
            return null;
        }
        return new double[][] {{i22 / det, -i12 / det}, {-i12 / det, i11 / det}};
    }

    private static Optional<Double> boundary(UnivariateFunction f, double from, double to) {
        double a = f.value(from);
        double b = f.value(to);
        if (!(Double.isFinite(a) && Double.isFinite(b)) || Math.signum(a) == Math.signum(b)) {
            return Optional.empty();
        }
        return Optional.of(new BrentSolver(1e-12).solve(10_000, f, from, to));
    }

    static Grouped checkAndGroup(List<IntervalObservation> results, double target, double confidence) {
        Targets.check(target);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IntervalInputException("confidence", "must lie strictly between 0 and 1, got " + confidence);
        }
        TreeMap<Double, int[]> byInterval = new TreeMap<>();
        for (IntervalObservation r : results) {
            int[] c = byInterval.computeIfAbsent(r.intervalDays(), k -> new int[2]);
            c[0]++;
            if (r.inTolerance()) {
                c[1]++;
            }
        }
        int k = byInterval.size();
        double[] t = new double[k];
        int[] n = new int[k];
        int[] x = new int[k];
        int i = 0;
        for (var e : byInterval.entrySet()) {
            t[i] = e.getKey();
            n[i] = e.getValue()[0];
            x[i] = e.getValue()[1];
            i++;
        }
        return new Grouped(t, n, x);
    }

    /** Results grouped by interval length: n_i returned at t_i, x_i of them in tolerance. */
    record Grouped(double[] t, int[] n, int[] x) {

        int total() {
            int s = 0;
            for (int v : n) {
                s += v;
            }
            return s;
        }

        int inTolerance() {
            int s = 0;
            for (int v : x) {
                s += v;
            }
            return s;
        }

        boolean mixed() {
            int in = inTolerance();
            return in > 0 && in < total();
        }

        double meanInterval() {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                s += n[i] * t[i];
            }
            return s / total();
        }

        /** ℓ(η, β) = Σ x_i ln R(t_i) + (n_i − x_i) ln(1 − R(t_i)), with R = exp(−(t/η)^β). */
        double logLikelihood(double scale, double shape) {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                double h = Math.pow(t[i] / scale, shape); // cumulative hazard; ln R = −h
                if (x[i] > 0) {
                    s -= x[i] * h;
                }
                int out = n[i] - x[i];
                if (out > 0) {
                    s += out * Math.log(-Math.expm1(-h));
                }
            }
            return s;
        }
    }
}
