package org.metrolims.calibration.standard;

import java.util.List;
import org.metrolims.db.failure.InvalidInput;

/**
 * Input the registry refuses, with every field that is wrong and why; nothing has been stored. The API turns it into
 * a 400 problem+json whose {@code errors[].field} names each field.
 */
public class RegistryInputException extends InvalidInput {

    private final List<FieldError> errors;

    public RegistryInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> org.metrolims.db.failure.FieldError.of(e.field(), e.message())).toList());
        this.errors = List.copyOf(errors);
    }

    public RegistryInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** The rejected fields, as the registry's pages show them. */
    public List<FieldError> errors() {
        return errors;
    }

    /** One rejected field. */
    public record FieldError(String field, String message) {
    }
}
