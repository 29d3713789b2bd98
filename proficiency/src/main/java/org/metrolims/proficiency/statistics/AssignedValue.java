package org.metrolims.proficiency.statistics;

/**
 * The assigned value x_pt with its standard uncertainty u(x_pt), ISO 13528:2022 clause 7.
 *
 * @param value               x_pt
 * @param standardUncertainty u(x_pt)
 * @param coverageFactor      k of the expanded uncertainty U(x_pt) = k u(x_pt) used by E_n (9.7)
 * @param method              how x_pt was determined
 * @param participants        results behind a consensus value, 0 for the other methods
 * @param iterations          Algorithm A updates behind a consensus value, 0 for the other methods
 */
public record AssignedValue(double value, double standardUncertainty, double coverageFactor, Method method,
                            int participants, int iterations) {

    /** Factor of ISO 13528:2022 7.7.7 Formula (6): u(x_pt) = 1.25 s* / sqrt(p). */
    public static final double CONSENSUS_UNCERTAINTY_FACTOR = 1.25;

    /** Coverage factor assumed for the expanded uncertainty of a consensus value. */
    public static final double DEFAULT_COVERAGE_FACTOR = 2;

    /** How x_pt was determined. */
    public enum Method {
        /** A value known from formulation or another independent reference, ISO 13528:2022 7.3. */
        REFERENCE_VALUE,
        /** The certified value of a certified reference material, ISO 13528:2022 7.4. */
        CERTIFIED_REFERENCE_MATERIAL,
        /** The result of one (reference) laboratory, ISO 13528:2022 7.5. */
        REFERENCE_LABORATORY,
        /** The robust mean x* of the participants' results by Algorithm A, ISO 13528:2022 7.7 and C.3. */
        CONSENSUS_ALGORITHM_A
    }

    public AssignedValue {
        if (method == null) {
            throw new InvalidResultException("the method of the assigned value is missing");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidResultException("assigned value is " + value + ": must be finite");
        }
        Inputs.requireNonNegative(standardUncertainty, "standard uncertainty of the assigned value");
        Inputs.requirePositive(coverageFactor, "coverage factor of the assigned value");
        if (participants < 0 || iterations < 0) {
            throw new InvalidResultException("participants and iterations must not be negative");
        }
    }

    /** A value known from formulation or another independent reference, ISO 13528:2022 7.3; u = U / k. */
    public static AssignedValue referenceValue(double value, double expandedUncertainty, double coverageFactor) {
        return independent(Method.REFERENCE_VALUE, value, expandedUncertainty, coverageFactor);
    }

    /** The certified value of a CRM with its certificate's U and k, ISO 13528:2022 7.4; u = U / k. */
    public static AssignedValue certifiedReferenceMaterial(double value, double expandedUncertainty,
                                                           double coverageFactor) {
        return independent(Method.CERTIFIED_REFERENCE_MATERIAL, value, expandedUncertainty, coverageFactor);
    }

    /** A reference laboratory's result with its U and k, ISO 13528:2022 7.5; u = U / k. */
    public static AssignedValue referenceLaboratory(double value, double expandedUncertainty, double coverageFactor) {
        return independent(Method.REFERENCE_LABORATORY, value, expandedUncertainty, coverageFactor);
    }

    /**
     * The consensus value x_pt = x* with u(x_pt) = 1.25 s* / sqrt(p). ISO 13528:2022 7.7.7 Formula (6).
     *
     * @throws InvalidResultException when s* is zero (degenerate data): a consensus value with no spread has no
     *                                meaningful uncertainty; take the assigned value from an independent source
     */
    public static AssignedValue consensus(AlgorithmAResult robust) {
        if (robust.degenerate()) {
            throw new InvalidResultException("Algorithm A gave s* = 0 (the results are (nearly) all equal to "
                    + robust.robustMean() + "): u(x_pt) = 1.25 s*/sqrt(p) would be zero; use a reference value");
        }
        double u = CONSENSUS_UNCERTAINTY_FACTOR * robust.robustStandardDeviation() / Math.sqrt(robust.participants());
        return new AssignedValue(robust.robustMean(), u, DEFAULT_COVERAGE_FACTOR, Method.CONSENSUS_ALGORITHM_A,
                robust.participants(), robust.iterations());
    }

    /** U(x_pt) = k u(x_pt), the expanded uncertainty that E_n uses (9.7). */
    public double expandedUncertainty() {
        return coverageFactor * standardUncertainty;
    }

    private static AssignedValue independent(Method method, double value, double expandedUncertainty,
                                             double coverageFactor) {
        Inputs.requireNonNegative(expandedUncertainty, "expanded uncertainty of the assigned value");
        Inputs.requirePositive(coverageFactor, "coverage factor of the assigned value");
        return new AssignedValue(value, expandedUncertainty / coverageFactor, coverageFactor, method, 0, 0);
    }
}
