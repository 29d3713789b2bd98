package org.metrolims.db.failure;

import java.util.List;

/**
 * The asker may see the object but may not do this to it (not a technician of its lab, a signature refused):
 * problem+json 403, with a {@link #code()} and a field where the client can act on them.
 */
public non-sealed class Forbidden extends RuntimeException implements Failure {

    private final String code;
    private final String field;
    private final Message message;

    /**
     * @param code    a stable upper-case name of the refusal, or null
     * @param field   the request field the refusal is about, or null
     * @param message what to tell a person
     */
    public Forbidden(String code, String field, Message message) {
        super(message.text());
        this.code = code;
        this.field = field;
        this.message = message;
    }

    public Forbidden(String code, String field, String message) {
        this(code, field, Message.text(message));
    }

    public Forbidden(String message) {
        this(null, null, Message.text(message));
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public List<FieldError> fields() {
        return field == null ? List.of() : List.of(new FieldError(field, message));
    }
}
