package org.metrolims.app.organizations;

/** An organization change was refused because of one field's value; nothing was changed. */
class OrganizationInputException extends RuntimeException {

    private final String field;

    OrganizationInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
