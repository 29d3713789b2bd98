package org.metrolims.calibration.decision;

/**
 * A statement of conformity as ILAC G8:09/2019 4.2 names them. A binary rule (4.2.1, 4.2.2) gives
 * only {@link #PASS} or {@link #FAIL}; a non-binary rule with a guard band (4.2.3) also gives the
 * two conditional ones. {@link #messageKey()} is the key of its printed wording in the zh/en bundles.
 */
public enum Verdict {
    /** The measured value lies in the acceptance zone. */
    PASS,
    /** Inside the tolerance but within the guard band of a limit: [T_U − w, T_U] or [T_L, T_L + w] (4.2.3). */
    CONDITIONAL_PASS,
    /** Outside the tolerance but within the guard band beyond it: (T_U, T_U + w] or [T_L − w, T_L) (4.2.3). */
    CONDITIONAL_FAIL,
    /** Outside the acceptance zone (binary) or beyond the guard band outside the tolerance (non-binary). */
    FAIL;

    public String messageKey() {
        return "decision.verdict." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the item is accepted: PASS and CONDITIONAL_PASS. */
    public boolean accepted() {
        return this == PASS || this == CONDITIONAL_PASS;
    }
}
