package org.metrolims.calibration.traceability;

/** What breaks a traceability chain (DESIGN.md: "a standard's chain is complete"). */
public enum LinkProblem {
    /** the calibration had expired (or had no validity) on the day it was used */
    EXPIRED_WHEN_USED,
    /** no calibration of the equipment on or before the day, a calibration naming neither a reference nor an external issuer, or a standard without equipment */
    MISSING_LINK,
    /** the chain comes back to a standard already on it */
    CYCLE,
    /** an external calibration whose issuer is neither the national metrology institute nor an NMI under the CIPM MRA with its CMC */
    ROOT_NOT_NMI,
    /** the reference's claimed expanded uncertainty is larger than that of the standard it calibrated */
    UNCERTAINTY_SHRINKS,
    /** the reference standard did not count (active, with a valid assessment certificate) on the day it was used */
    REFERENCE_NOT_IN_SERVICE
}
