package org.metrolims.calibration.record;

import org.metrolims.calibration.decision.Verdict;

/**
 * The statement of conformity of a point or of the whole calibration. The conditional verdicts of a non-binary
 * rule (ILAC G8:09/2019 4.2.3) are INDETERMINATE here; the point keeps its exact {@link Verdict}.
 */
public enum Conformity {
    PASS, FAIL, INDETERMINATE, NOT_STATED;

    static Conformity of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case CONDITIONAL_PASS, CONDITIONAL_FAIL -> INDETERMINATE;
        };
    }

    /**
     * The overall statement: FAIL if any point fails, else INDETERMINATE if any is, else PASS if any point had a
     * tolerance to pass, else NOT_STATED (no point had a tolerance).
     */
    static Conformity overall(Iterable<Conformity> points) {
        boolean anyPass = false;
        boolean anyIndeterminate = false;
        for (Conformity c : points) {
            if (c == FAIL) {
                return FAIL;
            }
            anyIndeterminate |= c == INDETERMINATE;
            anyPass |= c == PASS;
        }
        return anyIndeterminate ? INDETERMINATE : anyPass ? PASS : NOT_STATED;
    }
}
