package org.metrolims.proficiency.round;

import org.metrolims.proficiency.PtRuleException;

/** A status change the round's lifecycle does not allow, or not yet. */
public class IllegalTransitionException extends PtRuleException {

    private final RoundStatus from;
    private final RoundStatus to;

    public IllegalTransitionException(RoundStatus from, RoundStatus to, String why) {
        super("ILLEGAL_TRANSITION", "status", "round cannot go from " + from + " to " + to + ": " + why);
        this.from = from;
        this.to = to;
    }

    public RoundStatus from() {
        return from;
    }

    public RoundStatus to() {
        return to;
    }
}
