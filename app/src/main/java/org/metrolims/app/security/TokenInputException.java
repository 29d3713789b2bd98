package org.metrolims.app.security;

/** A token request was refused because of one field's value; nothing was changed. */
public class TokenInputException extends RuntimeException {

    private final String field;

    TokenInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
