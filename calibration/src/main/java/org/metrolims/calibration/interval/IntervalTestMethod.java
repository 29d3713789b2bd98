package org.metrolims.calibration.interval;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * NCSLI RP-1 (2010) Appendix A, Method A3 "interval test": the interval is changed only when the
 * reliability observed at the current interval differs from the target significantly, not on every
 * result (the weakness of {@link SimpleResponseMethod}).
 *
 * <ol>
 *   <li>Observed reliability R̂ = x/n (x in tolerance of n returned at the current interval I).</li>
 *   <li>A two-sided Clopper–Pearson interval [R_L, R_U] for the true reliability at confidence C
 *       (default 0.90): R_L = B⁻¹(α/2; x, n − x + 1), R_U = B⁻¹(1 − α/2; x + 1, n − x) with
 *       α = 1 − C (R_L = 0 when x = 0, R_U = 1 when x = n).</li>
 *   <li>R* inside [R_L, R_U]: keep I. R_U &lt; R*: shorten. R_L &gt; R*: lengthen.</li>
 *   <li>The new interval by the exponential extrapolation RP-1 uses with this method,
 *       I' = I · ln R* / ln R, with R = R̂ when shortening (R_U when x = 0, where ln R̂ is
 *       undefined) and R = R_L when lengthening — the conservative end, so that a run of good
 *       results lengthens only as far as the evidence reaches.</li>
 *   <li>The change is bounded to the factor range [1/4, 2] per review (our choice; RP-1 advises
 *       limiting the step so that a single review cannot move the interval wildly).</li>
 * </ol>
 */
final class IntervalTestMethod {

    /** The default two-sided confidence of the significance test. */
    public static final double DEFAULT_CONFIDENCE = 0.90;
    static final double MIN_FACTOR = 0.25;
    static final double MAX_FACTOR = 2.0;

    /** What the test decided. */
    public enum Action { KEEP, SHORTEN, LENGTHEN }

    /** The test's outcome: the observed reliability, its confidence bounds, the action and the new interval. */
    public record Result(int inTolerance, int total, double observedReliability, double lowerBound,
            double upperBound, Action action, double currentInterval, double recommendedInterval) {
    }

    private IntervalTestMethod() {
    }

    /**
     * Tests x in tolerance of n at the current interval against the target reliability.
     *
     * @throws IntervalInputException for n &lt; 1, x outside [0, n], a target or confidence outside (0, 1)
     */
    public static Result evaluate(int inTolerance, int total, double currentInterval, double target, double confidence) {
        Targets.check(target);
        Targets.checkInterval(currentInterval);
        if (total < 1) {
            throw new IntervalInputException("total", "needs at least one result, got " + total);
        }
        if (inTolerance < 0 || inTolerance > total) {
            throw new IntervalInputException("inTolerance", "must lie in [0, " + total + "], got " + inTolerance);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IntervalInputException("confidence", "must lie strictly between 0 and 1, got " + confidence);
        }
        double alpha = 1 - confidence;
        int x = inTolerance;
        int n = total;
        double observed = (double) x / n;
        double lower = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(alpha / 2);
        double upper = x == n ? 1 : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(1 - alpha / 2);
        Action action;
        double factor;
        if (upper < target) {
            action = Action.SHORTEN;
            double r = x == 0 ? upper : observed;
            factor = Math.log(target) / Math.log(r);
        } else if (lower > target) {
            action = Action.LENGTHEN;
            factor = Math.log(target) / Math.log(lower);
        } else {
            action = Action.KEEP;
            factor = 1;
        }
        factor = Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, factor));
        return new Result(x, n, observed, lower, upper, action, currentInterval, currentInterval * factor);
    }
}
