package org.metrolims.proficiency;

import java.util.Objects;

/** Input that cannot be used at all (not finite, negative uncertainty, missing field, ...); names the field. */
public class PtInputException extends RuntimeException {

    private final String field;

    public PtInputException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }

    /** A number the database can store: finite and below 10^26 in magnitude (DECIMAL(38, 12)). */
    public static double requireStorable(Double value, String field) {
        if (value == null) {
            throw new PtInputException(field, "is required");
        }
        if (!Double.isFinite(value)) {
            throw new PtInputException(field, "must be a finite number, got " + value);
        }
        if (Math.abs(value) >= 1e26) {
            throw new PtInputException(field, "must be smaller than 1e26 in magnitude, got " + value);
        }
        return value;
    }

    /** As {@link #requireStorable} and not negative; null stays null. */
    public static Double optionalNonNegative(Double value, String field) {
        if (value == null) {
            return null;
        }
        requireStorable(value, field);
        if (value < 0) {
            throw new PtInputException(field, "must not be negative, got " + value);
        }
        return value;
    }
}
