package org.metrolims.calibration.decision;

/**
 * A decision rule: how measurement uncertainty is accounted for when stating conformity with a
 * specified requirement (ISO/IEC 17025:2017 3.7; ILAC G8:09/2019 4.2; JCGM 106:2012 8).
 * Implementations: {@link SimpleAcceptance}, {@link GuardedAcceptance}. {@link #of} rebuilds a
 * stored rule from its code and multiplier.
 */
public sealed interface DecisionRule permits SimpleAcceptance, GuardedAcceptance {

    DecisionRuleCode code();

    /** r in w = r·U; 0 for simple acceptance. Stored next to the code. */
    double multiplier();

    /**
     * Decides for a measured value y with expanded uncertainty U (and k, to recover the standard
     * uncertainty u = U/k for the conformance probability) against a tolerance interval.
     */
    Decision decide(double measured, double expandedUncertainty, double coverageFactor, ToleranceInterval tolerance);

    /** The message key of this rule's printed description. */
    default String descriptionKey() {
        return code().descriptionKey();
    }

    /** The rule a stored code (and multiplier, for the r·U rules) stands for. */
    static DecisionRule of(DecisionRuleCode code, double multiplier) {
        return switch (code) {
            case SIMPLE_ACCEPTANCE -> new SimpleAcceptance();
            case GUARDED_ACCEPTANCE_W_EQ_U -> GuardedAcceptance.binary(1.0);
            case GUARDED_ACCEPTANCE_W_EQ_RU -> GuardedAcceptance.binary(multiplier);
            case NON_BINARY_GUARD_BAND_W_EQ_U -> GuardedAcceptance.nonBinary(1.0);
            case NON_BINARY_GUARD_BAND_W_EQ_RU -> GuardedAcceptance.nonBinary(multiplier);
        };
    }

    /** Checks y, U and k once for every rule. */
    static void requireValid(double measured, double expandedUncertainty, double coverageFactor) {
        if (!Double.isFinite(measured)) {
            throw new IllegalArgumentException("the measured value must be a finite number");
        }
        if (!(expandedUncertainty >= 0) || Double.isInfinite(expandedUncertainty)) {
            throw new IllegalArgumentException("the expanded uncertainty must be a finite number >= 0");
        }
        if (!(coverageFactor > 0) || Double.isInfinite(coverageFactor)) {
            throw new IllegalArgumentException("the coverage factor must be a finite number > 0");
        }
    }
}
