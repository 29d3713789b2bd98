package org.metrolims.calibration.uncertainty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An uncertainty budget by the law of propagation of uncertainty, JCGM 100:2008 (GUM) /
 * JJF 1059.1-2012: the components (inputs with their standard uncertainties, sensitivity
 * coefficients and degrees of freedom), the correlation coefficients between any of them, and the
 * coverage probability asked for. {@link #evaluate()} gives
 * <ul>
 *   <li>u_c²(y) = Σ c_i² u²(x_i) + 2 Σ_{i<j} c_i c_j u(x_i) u(x_j) r(x_i, x_j) (5.2.2, Eq. 16;
 *       5.1.2, Eq. 10 when no correlations are given);
 *   <li>ν_eff = u_c⁴(y) / Σ u_i⁴(y)/ν_i with u_i(y) = |c_i| u(x_i) (Welch–Satterthwaite, G.4.1,
 *       Eq. G.2b), +∞ when every contributing ν_i is; components contributing nothing, or with
 *       ν_i = ∞, add nothing to the denominator;
 *   <li>k = t_p(ν) with ν = ν_eff truncated to the next lower integer (G.4.1, H.1.6; see
 *       {@link CoverageFactor}); U = k·u_c(y) (6.2.1).
 * </ul>
 *
 * <p><b>Correlated inputs and ν_eff.</b> The Welch–Satterthwaite formula assumes independent
 * inputs, and the GUM gives nothing for correlated ones. When correlations are present we still
 * apply Eq. G.2b with the numerator u_c⁴ taken from the correlated u_c (as the formula is written);
 * a negative correlation that shrinks u_c then lowers ν_eff, which is conservative, a positive one
 * raises it. The result is floored at 1. {@link EvaluatedUncertainty#correlated()} flags such budgets
 * so that a report can say so.
 *
 * <p><b>Consistency of the correlations.</b> Each r must lie in [−1, 1], name two different known
 * components and appear once per pair; together the r(i, j) must form a positive semi-definite
 * matrix (anything else is no set of correlations at all and could make u_c² negative). The check
 * is a Cholesky factorisation with a tolerance of 1e−10; when it fails at component j, the error
 * names the strongest given correlation between j and a component before it.
 *
 * @param components the inputs, names unique
 * @param correlations the non-zero correlation coefficients; pairs not listed are uncorrelated
 * @param coverageProbability p, strictly between 0 and 1 (default {@link CoverageFactor#DEFAULT_PROBABILITY})
 */
public record UncertaintyBudget(List<UncertaintyComponent> components, List<Correlation> correlations,
        double coverageProbability) {

    private static final double PSD_TOLERANCE = 1e-10;

    /**
     * Most components one budget takes. Real budgets have a few to a few dozen; the consistency check of the
     * correlations is a Cholesky factorisation, O(n³) in time and O(n²) in memory, so the cap bounds the cost of a
     * request (200 components: well under a millisecond).
     */
    public static final int MAX_COMPONENTS = 200;

    /** Most correlation coefficients one budget takes (a real budget names a handful of correlated pairs). */
    public static final int MAX_CORRELATIONS = 1_000;

    public UncertaintyBudget {
        if (components == null || components.isEmpty()) {
            throw new UncertaintyInputException("components", "a budget needs at least one component");
        }
        if (components.size() > MAX_COMPONENTS) {
            throw new UncertaintyInputException("components", "a budget has at most " + MAX_COMPONENTS
                    + " components, got " + components.size());
        }
        if (correlations != null && correlations.size() > MAX_CORRELATIONS) {
            throw new UncertaintyInputException("correlations", "a budget has at most " + MAX_CORRELATIONS
                    + " correlations, got " + correlations.size());
        }
        components = List.copyOf(components);
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
        CoverageFactor.exactProbability(coverageProbability); // validates the range
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            Integer earlier = index.putIfAbsent(components.get(i).name(), i);
            if (earlier != null) {
                throw new UncertaintyInputException("components[" + i + "].name", "the name '" + components.get(i).name()
                        + "' is already used by components[" + earlier + "]");
            }
        }
        Map<Long, Integer> pairs = new HashMap<>();
        for (int k = 0; k < correlations.size(); k++) {
            Correlation c = correlations.get(k);
            Integer a = index.get(c.a());
            Integer b = index.get(c.b());
            if (a == null) {
                throw new UncertaintyInputException("correlations[" + k + "].a", "no component is named '" + c.a() + "'");
            }
            if (b == null) {
                throw new UncertaintyInputException("correlations[" + k + "].b", "no component is named '" + c.b() + "'");
            }
            if (a.equals(b)) {
                throw new UncertaintyInputException("correlations[" + k + "].b",
                        "a component cannot be correlated with itself ('" + c.a() + "')");
            }
            Integer earlier = pairs.putIfAbsent(pairKey(a, b), k);
            if (earlier != null) {
                throw new UncertaintyInputException("correlations[" + k + "]",
                        "the pair (" + c.a() + ", " + c.b() + ") is already given in correlations[" + earlier + "]");
            }
        }
        checkPositiveSemiDefinite(components, correlations, index);
    }

    /** A budget of independent inputs at the default coverage probability 0.9545 ("k = 2"). */
    public static UncertaintyBudget of(List<UncertaintyComponent> components) {
        return new UncertaintyBudget(components, List.of(), CoverageFactor.DEFAULT_PROBABILITY);
    }

    /** This budget with another coverage probability. */
    public UncertaintyBudget withCoverageProbability(double p) {
        return new UncertaintyBudget(components, correlations, p);
    }

    /** This budget with these correlation coefficients. */
    public UncertaintyBudget withCorrelations(List<Correlation> r) {
        return new UncertaintyBudget(components, r, coverageProbability);
    }

    /** u_c, ν_eff, k and U with the budget lines (see the class comment for the clauses). */
    public EvaluatedUncertainty evaluate() {
        int n = components.size();
        double[] ci = new double[n]; // signed c_i u(x_i)
        double variance = 0;
        for (int i = 0; i < n; i++) {
            UncertaintyComponent c = components.get(i);
            ci[i] = c.sensitivity() * c.standardUncertainty();
            variance += ci[i] * ci[i];
        }
        double diagonal = variance;
        boolean correlated = false;
        Map<String, Integer> index = indexByName();
        for (Correlation r : correlations) {
            double term = 2 * ci[index.get(r.a())] * ci[index.get(r.b())] * r.r();
            correlated |= term != 0;
            variance += term;
        }
        // a PSD correlation matrix keeps this ≥ 0; what is left is rounding of order 1e-16·diagonal
        variance = Math.max(0.0, variance);
        double uc = Math.sqrt(variance);

        double denominator = 0;
        for (int i = 0; i < n; i++) {
            double nu = components.get(i).degreesOfFreedom();
            if (ci[i] != 0 && Double.isFinite(nu)) {
                double u2 = ci[i] * ci[i];
                denominator += u2 * u2 / nu;
            }
        }
        double nuEff = denominator == 0 || uc == 0 ? Double.POSITIVE_INFINITY : variance * variance / denominator;
        if (correlated && nuEff < 1) {
            nuEff = 1;
        }
        double nuUsed = CoverageFactor.degreesOfFreedomUsed(nuEff);
        double k = CoverageFactor.t(coverageProbability, nuUsed);

        List<BudgetLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            UncertaintyComponent c = components.get(i);
            double share = variance == 0 ? 0 : ci[i] * ci[i] / variance;
            lines.add(new BudgetLine(c.name(), c.type(), c.distribution(), c.standardUncertainty(), c.sensitivity(),
                    Math.abs(ci[i]), share, c.degreesOfFreedom()));
        }
        return new EvaluatedUncertainty(uc, nuEff, nuUsed, coverageProbability, k, k * uc, lines,
                correlated && diagonal > 0);
    }

    private Map<String, Integer> indexByName() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            index.put(components.get(i).name(), i);
        }
        return index;
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Cholesky (LLᵀ) of the correlation matrix, allowing zero pivots (semi-definite). */
    private static void checkPositiveSemiDefinite(List<UncertaintyComponent> components, List<Correlation> correlations,
            Map<String, Integer> index) {
        if (correlations.size() < 2) {
            return; // one |r| ≤ 1 on its own is always consistent
        }
        int n = components.size();
        double[][] r = new double[n][n];
        int[][] given = new int[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = 1;
        }
        for (int k = 0; k < correlations.size(); k++) {
            Correlation c = correlations.get(k);
            int a = index.get(c.a());
            int b = index.get(c.b());
            r[a][b] = c.r();
            r[b][a] = c.r();
            given[a][b] = k + 1;
            given[b][a] = k + 1;
        }
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = r[j][j];
            for (int m = 0; m < j; m++) {
                d -= l[j][m] * l[j][m];
            }
            if (d < -PSD_TOLERANCE) {
                throw inconsistent(j, r, given, correlations, components);
            }
            l[j][j] = d <= PSD_TOLERANCE ? 0 : Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = r[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (l[j][j] == 0) {
                    if (Math.abs(s) > 1e-8) {
                        throw inconsistent(i, r, given, correlations, components);
                    }
                    l[i][j] = 0;
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
    }

    private static UncertaintyInputException inconsistent(int j, double[][] r, int[][] given,
            List<Correlation> correlations, List<UncertaintyComponent> components) {
        int best = -1;
        for (int i = 0; i < j; i++) {
            if (given[i][j] > 0 && (best < 0 || Math.abs(r[i][j]) > Math.abs(r[best][j]))) {
                best = i;
            }
        }
        if (best < 0) { // cannot happen for a failure at j, but name something rather than nothing
            for (int i = j + 1; i < r.length && best < 0; i++) {
                if (given[i][j] > 0) {
                    best = i;
                }
            }
        }
        int k = given[best][j] - 1;
        Correlation c = correlations.get(k);
        return new UncertaintyInputException("correlations[" + k + "].r", "the correlation coefficients are not consistent"
                + " (the correlation matrix is not positive semi-definite): r(" + c.a() + ", " + c.b() + ") = " + c.r()
                + " cannot hold together with the correlations of '" + components.get(j).name()
                + "' with the components before it");
    }
}
