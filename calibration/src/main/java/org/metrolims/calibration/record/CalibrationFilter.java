package org.metrolims.calibration.record;

import java.time.LocalDate;

/**
 * Which calibrations to list; null means any. The date range is on the calibration date, both ends included.
 */
public record CalibrationFilter(Long instrumentId, Long performingOrganizationId, Long customerOrganizationId,
        CalibrationStatus status, LocalDate calibratedFrom, LocalDate calibratedTo) {

    public static CalibrationFilter any() {
        return new CalibrationFilter(null, null, null, null, null, null);
    }

    CalibrationFilter withCustomer(Long customer) {
        return new CalibrationFilter(instrumentId, performingOrganizationId, customer, status, calibratedFrom,
                calibratedTo);
    }
}
