package org.metrolims.proficiency.statistics;

import org.metrolims.db.failure.InvalidInput;

/**
 * Input that the statistics cannot use: a non-finite value, a negative uncertainty, a missing or duplicate lab code,
 * mismatched array lengths. The message names the problem and, where there is one, the offending lab and index.
 */
public final class InvalidResultException extends InvalidInput {

    /** The request field all statistics input is reported under. */
    static final String FIELD = "results";

    private final String labCode;
    private final int index;

    InvalidResultException(String message, String labCode, int index) {
        super(FIELD, message);
        this.labCode = labCode;
        this.index = index;
    }

    InvalidResultException(String message) {
        this(message, null, -1);
    }

    /** The offending lab's code, or {@code null} when the input has no lab codes or the problem is not one lab's. */
    public String labCode() {
        return labCode;
    }

    /** The zero-based index of the offending value, or -1 when the problem is not one value's. */
    public int index() {
        return index;
    }

    static InvalidResultException at(String what, double value, String labCode, int index) {
        String who = labCode == null ? "index " + index : "lab " + labCode + " (index " + index + ")";
        return new InvalidResultException(what + " of " + who + " is " + value + ": must be finite", labCode, index);
    }
}
