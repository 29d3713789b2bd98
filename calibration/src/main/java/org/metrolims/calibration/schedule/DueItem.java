package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One instrument (or item of a standard's equipment) on a due list: when it was last calibrated,
 * its interval and due date, and who owns and who last calibrated it.
 *
 * @param overdue true when the due date is before the list's date (the due date itself is the last valid day)
 */
public record DueItem(long instrumentId, String assetNo, String serialNo, long typeId, String typeCode,
        String typeNameZh, String typeNameEn, long disciplineId, long ownerId, String ownerCode, String ownerNameZh,
        String ownerNameEn, Optional<Long> standardId, Optional<LocalDate> lastCalibratedOn, int intervalMonths,
        LocalDate dueOn, Optional<Long> performerId, Optional<Long> technicianId, boolean overdue) {
}
