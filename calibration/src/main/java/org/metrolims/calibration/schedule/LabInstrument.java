package org.metrolims.calibration.schedule;

import java.time.LocalDate;

/**
 * One of a lab's instruments with its due date: the {@code valid_until} of its latest approved calibration (none
 * when it has never had one approved, or the calibration states no validity).
 */
public record LabInstrument(long id, String manufacturer, String model, String serialNo, String status,
        LocalDate lastCalibratedOn, LocalDate dueOn, boolean overdue) {
}
