package org.metrolims.app.security;

import org.metrolims.db.failure.InvalidInput;

/** A token request was refused because of one field's value; nothing was changed. */
public class TokenInputException extends InvalidInput {

    TokenInputException(String field, String message) {
        super(field, message);
    }
}
