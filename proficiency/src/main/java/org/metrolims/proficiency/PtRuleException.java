package org.metrolims.proficiency;

import org.metrolims.db.failure.RuleViolation;

/**
 * A request that is well formed but breaks a rule of the PT workflow (an illegal status change, a submission after
 * the deadline, a duplicate enrolment ...). {@link #code()} names the rule for machines, the message explains it for
 * people, {@link #field()} names the request field it is about, when there is one. Nothing has been stored.
 */
public class PtRuleException extends RuleViolation {

    public PtRuleException(String code, String field, String message) {
        super(code, field, message);
    }
}
