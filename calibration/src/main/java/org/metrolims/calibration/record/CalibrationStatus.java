package org.metrolims.calibration.record;

/**
 * Where a calibration record is in its review workflow. A technician drafts and submits; a second technician of the
 * performing organization approves, which locks the record (ISO/IEC 17025 7.8.1, 7.11). A correction is a new
 * revision; when it is approved the one it corrects becomes SUPERSEDED, still readable. A submitted record can be
 * returned to DRAFT with a reason; a draft or submitted record that should never become evidence is WITHDRAWN with a
 * reason, and stays readable under its number.
 */
public enum CalibrationStatus {
    DRAFT, SUBMITTED, APPROVED, SUPERSEDED, WITHDRAWN;

    /** Approved and superseded records are evidence: nothing in them changes. */
    public boolean locked() {
        return this == APPROVED || this == SUPERSEDED;
    }
}
