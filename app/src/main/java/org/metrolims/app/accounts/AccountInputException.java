package org.metrolims.app.accounts;

import org.metrolims.db.failure.InvalidInput;

/** An account change was refused because of one field's value; nothing was changed. */
class AccountInputException extends InvalidInput {

    AccountInputException(String field, String message) {
        super(field, message);
    }
}
