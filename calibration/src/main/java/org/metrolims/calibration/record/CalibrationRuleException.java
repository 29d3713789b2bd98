package org.metrolims.calibration.record;

/** A workflow rule refused the request; nothing was changed. */
public class CalibrationRuleException extends RuntimeException {

    /** Which rule. */
    public enum Reason {
        /** The asker may see the record but not do this to it (not a technician of the performing organization). */
        NOT_PERMITTED,
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
    private final String field;

    public CalibrationRuleException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
