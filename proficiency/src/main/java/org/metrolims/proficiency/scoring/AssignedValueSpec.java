package org.metrolims.proficiency.scoring;

import org.metrolims.proficiency.statistics.AssignedValue;

/** How to set x_pt for a calculation: the consensus of the results, or an independent value with its u. */
public sealed interface AssignedValueSpec {

    /** x_pt = x* by Algorithm A, u(x_pt) = 1.25 s* / sqrt(p), ISO 13528:2022 7.7. */
    record Consensus() implements AssignedValueSpec {
    }

    /**
     * A reference, certified or reference-lab value with its standard uncertainty (7.3 to 7.5); E_n takes
     * U(x_pt) = 2 u(x_pt).
     */
    record Independent(AssignedValue.Method method, double value, double standardUncertainty)
            implements AssignedValueSpec {
    }

    static AssignedValueSpec consensus() {
        return new Consensus();
    }

    static AssignedValueSpec reference(double value, double standardUncertainty) {
        return new Independent(AssignedValue.Method.REFERENCE_VALUE, value, standardUncertainty);
    }
}
