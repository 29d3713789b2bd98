package org.metrolims.db.failure;

import java.util.List;

/**
 * The change cannot be made to the object as it is now: someone changed it first (a stale version), it is retired,
 * there is nothing to withdraw (problem+json 409, with a {@link #code()} where a client can act on it).
 */
public non-sealed class Conflict extends RuntimeException implements Failure {

    /** The object was changed by someone else since the caller read it. */
    public static final String STALE_VERSION = "STALE_VERSION";

    private final String code;
    private final Message message;

    /**
     * @param code    a stable upper-case name of the conflict, or null
     * @param message what to tell a person
     */
    public Conflict(String code, Message message) {
        super(message.text());
        this.code = code;
        this.message = message;
    }

    public Conflict(String code, String message) {
        this(code, Message.text(message));
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
        return List.of();
    }
}
