package org.metrolims.proficiency.scheme;

/** How a scheme sets the assigned value x_pt, ISO 13528:2022 clause 7 (pt_scheme.assigned_value_method). */
public enum AssignedValueMethod {
    /** Consensus of the participants: robust mean by Algorithm A, 7.7 and C.3. */
    ALGORITHM_A,
    /** A reference value known from formulation or an independent reference, 7.3. */
    REFERENCE_VALUE,
    /** The certified value of a CRM, 7.4. */
    CERTIFIED_VALUE,
    /** The result of a reference laboratory, 7.5. */
    REFERENCE_LAB;

    /** Whether the round must carry the value and its uncertainty (everything but the consensus). */
    public boolean needsReferenceValue() {
        return this != ALGORITHM_A;
    }
}
