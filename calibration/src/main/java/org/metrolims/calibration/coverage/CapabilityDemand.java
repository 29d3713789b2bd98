package org.metrolims.calibration.coverage;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A measurement capability a region needs: a quantity over a range, at an expanded uncertainty no larger than
 * {@code neededUncertainty} (in {@code unit}), demanded from a day and, when no longer needed, until a day.
 */
public record CapabilityDemand(long id, String regionCode, long quantityId, String quantityCode,
        String disciplineCode, double rangeLow, double rangeHigh, String unit, double neededUncertainty,
        LocalDate demandedFrom, Optional<LocalDate> demandedUntil) {

    public boolean demandedOn(LocalDate date) {
        return !demandedFrom.isAfter(date) && demandedUntil.map(u -> !u.isBefore(date)).orElse(true);
    }
}
