package org.metrolims.calibration.decision;

/**
 * Guarded acceptance with a guard band w = r·U (ILAC G8:09/2019 4.2.2 binary, 4.2.3 non-binary;
 * JCGM 106:2012 8.3.2). The acceptance zone is [T_L + w, T_U − w], limits included; a one-sided
 * tolerance has one acceptance limit. With r = 1 and U at 95 %, the probability of false
 * acceptance is at most about 2.5 % (ILAC G8 4.2.2).
 * <ul>
 *   <li>binary: PASS in the acceptance zone, FAIL anywhere else;
 *   <li>non-binary: PASS in the acceptance zone; CONDITIONAL_PASS inside the tolerance but in the
 *       guard band; CONDITIONAL_FAIL outside the tolerance by no more than w; FAIL beyond.
 * </ul>
 * When 2w exceeds the width of the tolerance there is no acceptance zone and nothing can pass.
 *
 * @param multiplier r ≥ 0 (r = 0 degenerates to simple acceptance and is rejected: use that rule)
 * @param nonBinary whether the conditional verdicts are given
 */
public record GuardedAcceptance(double multiplier, boolean nonBinary) implements DecisionRule {

    public GuardedAcceptance {
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("the guard-band multiplier r must be a finite number > 0, got " + multiplier);
        }
    }

    /** ILAC G8 4.2.2: w = r·U, pass or fail. */
    public static GuardedAcceptance binary(double r) {
        return new GuardedAcceptance(r, false);
    }

    /** ILAC G8 4.2.3: w = r·U, pass / conditional pass / conditional fail / fail. */
    public static GuardedAcceptance nonBinary(double r) {
        return new GuardedAcceptance(r, true);
    }

    @Override
    public DecisionRuleCode code() {
        boolean wEqU = multiplier == 1.0;
        if (nonBinary) {
            return wEqU ? DecisionRuleCode.NON_BINARY_GUARD_BAND_W_EQ_U : DecisionRuleCode.NON_BINARY_GUARD_BAND_W_EQ_RU;
        }
        return wEqU ? DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_U : DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_RU;
    }

    @Override
    public Decision decide(double measured, double expandedUncertainty, double coverageFactor, ToleranceInterval tolerance) {
        DecisionRule.requireValid(measured, expandedUncertainty, coverageFactor);
        double w = multiplier * expandedUncertainty;
        double acceptLower = tolerance.lower() + w; // −∞ + w stays −∞
        double acceptUpper = tolerance.upper() - w;
        Verdict verdict;
        if (measured >= acceptLower && measured <= acceptUpper) {
            verdict = Verdict.PASS;
        } else if (!nonBinary) {
            verdict = Verdict.FAIL;
        } else if (tolerance.contains(measured)) {
            verdict = Verdict.CONDITIONAL_PASS;
        } else if (measured >= tolerance.lower() - w && measured <= tolerance.upper() + w) {
            verdict = Verdict.CONDITIONAL_FAIL;
        } else {
            verdict = Verdict.FAIL;
        }
        return new Decision(verdict, code(), multiplier, w, acceptLower, acceptUpper,
                ConformanceProbability.of(measured, expandedUncertainty / coverageFactor, tolerance));
    }
}
