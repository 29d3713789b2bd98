package org.metrolims.calibration.decision;

/**
 * Binary statement for simple acceptance, ILAC G8:09/2019 4.2.1 (w = 0; "shared risk", JCGM
 * 106:2012 8.2): PASS when the measured value lies within the tolerance limits, limits included;
 * FAIL otherwise. The probability of false acceptance can approach 50 % for a value at a limit —
 * {@link Decision#conformanceProbability()} shows how much.
 */
public record SimpleAcceptance() implements DecisionRule {

    @Override
    public DecisionRuleCode code() {
        return DecisionRuleCode.SIMPLE_ACCEPTANCE;
    }

    @Override
    public double multiplier() {
        return 0;
    }

    @Override
    public Decision decide(double measured, double expandedUncertainty, double coverageFactor, ToleranceInterval tolerance) {
        DecisionRule.requireValid(measured, expandedUncertainty, coverageFactor);
        Verdict verdict = tolerance.contains(measured) ? Verdict.PASS : Verdict.FAIL;
        return new Decision(verdict, code(), 0, 0, tolerance.lower(), tolerance.upper(),
                ConformanceProbability.of(measured, expandedUncertainty / coverageFactor, tolerance));
    }
}
