package org.metrolims.calibration.decision;

/**
 * The stable code of a decision rule, stored with every decision and printed (through
 * {@link #descriptionKey()}, resolved in the zh/en message bundles) on the certificate, as
 * ISO/IEC 17025:2017 7.8.6.2 asks. Never rename a constant: stored decisions refer to it.
 */
public enum DecisionRuleCode {
    /** ILAC G8:09/2019 4.2.1: binary, simple acceptance, w = 0. */
    SIMPLE_ACCEPTANCE(false),
    /** ILAC G8:09/2019 4.2.2: binary, guard band w = U. */
    GUARDED_ACCEPTANCE_W_EQ_U(false),
    /** ILAC G8:09/2019 4.2.2: binary, guard band w = r·U with a stated r. */
    GUARDED_ACCEPTANCE_W_EQ_RU(true),
    /** ILAC G8:09/2019 4.2.3: non-binary (pass, conditional pass, conditional fail, fail), w = U. */
    NON_BINARY_GUARD_BAND_W_EQ_U(false),
    /** ILAC G8:09/2019 4.2.3: non-binary with w = r·U. */
    NON_BINARY_GUARD_BAND_W_EQ_RU(true);

    private final boolean takesMultiplier;

    DecisionRuleCode(boolean takesMultiplier) {
        this.takesMultiplier = takesMultiplier;
    }

    /** Whether the rule is stated with a guard-band multiplier r (stored next to the code). */
    public boolean takesMultiplier() {
        return takesMultiplier;
    }

    /** The message key of the rule's printed description, e.g. {@code decision.rule.simple-acceptance}. */
    public String descriptionKey() {
        return "decision.rule." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
