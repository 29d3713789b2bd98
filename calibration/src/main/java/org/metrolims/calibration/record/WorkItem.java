package org.metrolims.calibration.record;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of My work: a record with what a technician recognises it by and, for a record returned to its technician,
 * the reviewer's finding (who, when, what).
 */
record WorkItem(long id, String calibrationNo, int revision, long instrumentId, String instrumentLabel,
        String customerNameZh, String customerNameEn, LocalDate calibratedOn, CalibrationStatus status,
        String technicianName, Finding finding) {

    /** The reviewer's finding on a returned record. */
    public record Finding(String text, String by, Instant at) {
    }
}
