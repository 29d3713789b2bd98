package org.metrolims.db.failure;

import java.util.Objects;

/**
 * One rejected request field and why, e.g. {@code points[0].toleranceUnit}.
 *
 * @param field   the field's path in the request, as the client sent it
 * @param message what is wrong with it
 */
public record FieldError(String field, Message message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A field with an English message that has no bundle key (yet). */
    public static FieldError of(String field, String english) {
        return new FieldError(field, Message.text(english));
    }
}
