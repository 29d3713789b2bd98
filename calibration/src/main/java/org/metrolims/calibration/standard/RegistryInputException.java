package org.metrolims.calibration.standard;

import java.util.List;

/**
 * Input the registry refuses, with every field that is wrong and why; nothing has been stored. The API turns it into
 * a 400 problem+json whose {@code errors[].field} names each field.
 */
public class RegistryInputException extends RuntimeException {

    private final List<FieldError> errors;

    public RegistryInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public RegistryInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One rejected field. */
    public record FieldError(String field, String message) {
    }
}
