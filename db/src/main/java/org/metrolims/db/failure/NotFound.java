package org.metrolims.db.failure;

import java.util.List;

/**
 * No such object, or none the asker may see — the two are not told apart, so that another organization's objects do
 * not show (problem+json 404, for reads and writes alike).
 */
public non-sealed class NotFound extends RuntimeException implements Failure {

    private final Message message;

    public NotFound(Message message) {
        super(message.text());
        this.message = message;
    }

    public NotFound(String message) {
        this(Message.text(message));
    }

    @Override
    public String code() {
        return null;
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
