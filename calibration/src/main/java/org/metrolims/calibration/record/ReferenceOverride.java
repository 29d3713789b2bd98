package org.metrolims.calibration.record;

/**
 * A technician's documented decision to use a reference standard although it is unfit on the calibration date
 * (overdue, not in service, or with a broken traceability chain): the standard and the reason, which is required.
 */
public record ReferenceOverride(Long standardId, String reason) {
}
