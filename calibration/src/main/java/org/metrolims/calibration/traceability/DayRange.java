package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.Objects;

/** A run of days, both ends included; {@link LocalDate#MIN} and {@link LocalDate#MAX} stand for an open end. */
public record DayRange(LocalDate from, LocalDate until) {

    public DayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("A day range cannot end (" + until + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }
}
