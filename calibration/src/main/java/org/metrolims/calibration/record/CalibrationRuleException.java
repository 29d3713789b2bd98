package org.metrolims.calibration.record;

import org.metrolims.db.failure.RuleViolation;

/**
 * A workflow rule refused the request; nothing was changed. Its {@link #code()} is the {@link Reason}'s name. Not being
 * a technician of the performing organization is not a rule of the record but a {@link org.metrolims.db.failure.Forbidden}
 * with code {@link #NOT_PERMITTED}.
 */
public class CalibrationRuleException extends RuleViolation {

    /** The code of the {@link org.metrolims.db.failure.Forbidden} thrown to someone who may see a record but not change it. */
    public static final String NOT_PERMITTED = "NOT_PERMITTED";

    /** Which rule. */
    public enum Reason {
        /** The performer of a calibration cannot review or approve it. */
        SELF_APPROVAL,
        /** An approved (or superseded) record is locked: correct it with a new revision. */
        LOCKED,
        /** The record is not in the status this step starts from. */
        WRONG_STATUS,
        /** The record was changed by someone else since the version the request was based on. */
        STALE_VERSION,
        /** A newer revision of the record already exists. */
        ALREADY_REVISED
    }

    private final Reason reason;

    public CalibrationRuleException(Reason reason, String field, String message) {
        super(reason.name(), field, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
