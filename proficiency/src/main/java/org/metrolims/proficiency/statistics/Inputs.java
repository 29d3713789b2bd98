package org.metrolims.proficiency.statistics;

/** Shared input checks; every failure names the value and where it is. */
final class Inputs {

    private Inputs() {
    }

    /** Every value finite; names the first offending index (and lab, when codes are given). */
    static void requireFinite(double[] values, String what, String[] labCodes) {
        if (values == null) {
            throw new InvalidResultException(what + " are missing (null array)");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw InvalidResultException.at(what, values[i], labCodes == null ? null : labCodes[i], i);
            }
        }
    }

    static void requireFinite(double[] values, String what) {
        requireFinite(values, what, null);
    }

    static void requirePositive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidResultException(what + " is " + value + ": must be finite and greater than zero");
        }
    }

    static void requireNonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidResultException(what + " is " + value + ": must be finite and not negative");
        }
    }
}
