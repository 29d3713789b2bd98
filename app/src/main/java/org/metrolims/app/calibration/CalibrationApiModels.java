package org.metrolims.app.calibration;

import org.metrolims.calibration.record.CalibrationDraft;

/** Request bodies of the calibration API that carry more than a draft. */
final class CalibrationApiModels {

    private CalibrationApiModels() {
    }

    /** A step of the workflow (submit, approve) quoting the version it was based on. */
    record VersionedStep(Integer version) {
    }

    /** A step that states why (return to draft, withdraw), quoting the version it was based on. */
    record ReasonedStep(Integer version, String reason) {
    }

    /** A new content for a draft, quoting the version it was based on. */
    /** Approval is a signature: the version approved and the approver's password, re-entered. */
    record Approval(Integer version, String password) {
    }

    record DraftUpdate(Integer version, CalibrationDraft calibration) {
    }

    /** A correction of an approved record: the version of the record corrected, why, and the corrected content. */
    record Correction(Integer version, String reason, CalibrationDraft calibration) {
    }
}
