package org.metrolims.calibration.record;

import java.time.LocalDate;

/** A line of a list of calibrations. */
public record CalibrationSummary(long id, String calibrationNo, int revision, long instrumentId, String instrumentLabel,
        long customerOrganizationId, Long performingOrganizationId, String procedureCode, LocalDate calibratedOn,
        CalibrationStatus status, Conformity conformity, Long technicianId, String technicianName, int version) {
}
