package org.metrolims.proficiency;

import java.util.Objects;

/**
 * A request that is well formed but breaks a rule of the PT workflow (an illegal status change, a submission after
 * the deadline, a duplicate enrolment ...). {@link #code()} names the rule for machines, the message explains it for
 * people, {@link #field()} names the request field it is about, when there is one. Nothing has been stored.
 */
public class PtRuleException extends RuntimeException {

    private final String code;
    private final String field;

    public PtRuleException(String code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** A stable, upper-case name of the rule, e.g. {@code DEADLINE_PASSED}. */
    public String code() {
        return code;
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return field;
    }
}
