package org.metrolims.proficiency.result;

import org.metrolims.proficiency.PtRuleException;

/** A result that may not be stored: the reason names the rule (not enrolled, deadline passed, ...). */
public class SubmissionRefusedException extends PtRuleException {

    /** Why a submission is refused. */
    public enum Reason {
        /** The lab has no ENROLLED enrolment in the round. */
        NOT_ENROLLED,
        /** The deadline has passed; only an officer can accept a late result. */
        DEADLINE_PASSED,
        /** The round is not taking results (before dispatch, or after it was closed or scored). */
        ROUND_NOT_TAKING_RESULTS,
        /** An officer tried to accept as late a result before the deadline. */
        NOT_LATE
    }

    private final Reason reason;

    public SubmissionRefusedException(Reason reason, String message) {
        super(reason.name(), null, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
