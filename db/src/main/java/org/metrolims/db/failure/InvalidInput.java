package org.metrolims.db.failure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be used, naming each field at fault and why (problem+json 400 with {@code errors[].field}).
 * An {@link IllegalArgumentException}, as bad arguments to the maths always were.
 */
public non-sealed class InvalidInput extends IllegalArgumentException implements Failure {

    private final List<FieldError> fields;

    /** Several fields, each with its message. */
    public InvalidInput(List<FieldError> fields) {
        super(fields.stream().map(f -> f.field() + " " + f.message().text()).collect(Collectors.joining("; ")));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.fields = List.copyOf(fields);
    }

    /** One field, with a message from the bundle. */
    public InvalidInput(String field, Message message) {
        super(message.text());
        this.fields = List.of(new FieldError(field, message));
    }

    /** One field, with an English message. */
    public InvalidInput(String field, String message) {
        this(field, Message.text(message));
    }

    /** The first field at fault. */
    public String field() {
        return fields.getFirst().field();
    }

    @Override
    public String code() {
        return null;
    }

    @Override
    public Message message() {
        return fields.size() == 1 ? fields.getFirst().message() : Message.text(getMessage());
    }

    @Override
    public List<FieldError> fields() {
        return fields;
    }
}
