package org.metrolims.app.accounts;

/** An account change was refused because of one field's value; nothing was changed. */
class AccountInputException extends RuntimeException {

    private final String field;

    AccountInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
