package org.metrolims.app.organizations;

import org.metrolims.db.failure.InvalidInput;

/** An organization change was refused because of one field's value; nothing was changed. */
class OrganizationInputException extends InvalidInput {

    OrganizationInputException(String field, String message) {
        super(field, message);
    }
}
