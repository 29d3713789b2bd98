package org.metrolims.app.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.metrolims.calibration.schedule.ScheduleInputException;

/**
 * The {@code within} of a due list: an ISO-8601 period ({@code P30D}, {@code P2W}, {@code P1M}) or
 * duration ({@code PT720H}, whole days counted), never negative.
 */
final class DueWithin {

    private DueWithin() {
    }

    /** The last due date the list covers: {@code from} plus the period. */
    static LocalDate horizon(LocalDate from, String within) {
        if (within == null || within.isBlank()) {
            throw new ScheduleInputException("within", "is required (ISO-8601, e.g. P30D)");
        }
        String text = within.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            if (text.contains("T")) {
                Duration d = Duration.parse(text);
                if (d.isNegative()) {
                    throw new ScheduleInputException("within", "must not be negative");
                }
                return from.plusDays(d.toDays());
            }
            Period p = Period.parse(text);
            if (p.isNegative()) {
                throw new ScheduleInputException("within", "must not be negative");
            }
            return from.plus(p);
        } catch (DateTimeParseException e) {
            throw new ScheduleInputException("within", "is not an ISO-8601 period or duration (e.g. P30D)");
        }
    }
}
