package org.metrolims.proficiency.statistics;

import org.metrolims.db.failure.InvalidInput;

/** Fewer results than a method needs to be defined; the message says how many it needs and why. */
public final class InsufficientResultsException extends InvalidInput {

    private final int required;
    private final int given;

    InsufficientResultsException(String method, int required, int given, String why) {
        super(InvalidResultException.FIELD, method + " needs at least " + required + " results, got " + given + ": " + why);
        this.required = required;
        this.given = given;
    }

    public int required() {
        return required;
    }

    public int given() {
        return given;
    }
}
