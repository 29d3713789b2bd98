package org.metrolims.calibration.traceability;

/** What is worth a look on a link but does not break the chain. */
enum LinkWarning {
    /** the ratio of the calibrated standard's expanded uncertainty to its reference's is under 4:1 */
    LOW_UNCERTAINTY_RATIO,
    /** one side states only an accuracy class (or another unit), so the uncertainty step cannot be checked */
    UNCERTAINTY_NOT_COMPARABLE
}
