package org.metrolims.proficiency.statistics;

/**
 * One lab's result for one measurand, with the uncertainties it reported (either may be absent).
 *
 * @param labCode             the lab's code in the round
 * @param value               the result x (zero is a valid result)
 * @param standardUncertainty u(x), or {@code null} when not reported (then there is no zeta score)
 * @param expandedUncertainty U(x), or {@code null} when not reported (then there is no E_n score)
 */
public record LabResult(String labCode, double value, Double standardUncertainty, Double expandedUncertainty) {

    public LabResult {
        if (labCode == null || labCode.isBlank()) {
            throw new InvalidResultException("a result has no lab code (value " + value + ")");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidResultException("result of lab " + labCode + " is " + value + ": must be finite",
                    labCode, -1);
        }
        requireUncertainty(standardUncertainty, "standard uncertainty", labCode);
        requireUncertainty(expandedUncertainty, "expanded uncertainty", labCode);
    }

    /** A result reported without uncertainty: z and z' only. */
    public static LabResult of(String labCode, double value) {
        return new LabResult(labCode, value, null, null);
    }

    /** A result reported with U(x) and its coverage factor k: u(x) = U / k. */
    public static LabResult withExpandedUncertainty(String labCode, double value, double expandedUncertainty,
                                                    double coverageFactor) {
        if (!(coverageFactor > 0) || !Double.isFinite(coverageFactor)) {
            throw new InvalidResultException("coverage factor of lab " + labCode + " is " + coverageFactor
                    + ": must be finite and greater than zero", labCode, -1);
        }
        return new LabResult(labCode, value, expandedUncertainty / coverageFactor, expandedUncertainty);
    }

    private static void requireUncertainty(Double u, String what, String labCode) {
        if (u != null && !(u >= 0 && Double.isFinite(u))) {
            throw new InvalidResultException(what + " of lab " + labCode + " is " + u
                    + ": must be finite and not negative", labCode, -1);
        }
    }
}
