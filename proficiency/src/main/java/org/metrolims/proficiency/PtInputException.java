package org.metrolims.proficiency;

import java.util.Objects;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.failure.Message;

/** Input that cannot be used at all (not finite, negative uncertainty, missing field, ...); names the field. */
public class PtInputException extends InvalidInput {

    public PtInputException(String field, String message) {
        super(Objects.requireNonNull(field, "field"), message);
    }

    public PtInputException(String field, Message message) {
        super(Objects.requireNonNull(field, "field"), message);
    }

    /** A number the database can store: finite and below 10^26 in magnitude (DECIMAL(38, 12)). */
    public static double requireStorable(Double value, String field) {
        if (value == null) {
            throw new PtInputException(field, Message.of("failure.required", "is required"));
        }
        if (!Double.isFinite(value)) {
            throw new PtInputException(field,
                    Message.of("failure.notFinite", "must be a finite number, got " + value, value));
        }
        if (Math.abs(value) >= 1e26) {
            throw new PtInputException(field, Message.of("failure.tooLarge",
                    "must be smaller than 1e26 in magnitude, got " + value, "1e26", value));
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
            throw new PtInputException(field,
                    Message.of("failure.negative", "must not be negative, got " + value, value));
        }
        return value;
    }
}
