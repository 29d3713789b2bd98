package org.metrolims.app.schedule;

import java.time.DateTimeException;
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

    /** The longest period a due list looks ahead. */
    static final int MAX_YEARS = 100;

    private DueWithin() {
    }

    /** The last due date the list covers: {@code from} plus the period. */
    static LocalDate horizon(LocalDate from, String within) {
        if (within == null || within.isBlank()) {
            throw new ScheduleInputException("within", "is required (ISO-8601, e.g. P30D)");
        }
        String text = within.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            LocalDate horizon;
            if (text.contains("T")) {
                Duration d = Duration.parse(text);
                if (d.isNegative()) {
                    throw new ScheduleInputException("within", "must not be negative");
                }
                horizon = from.plusDays(d.toDays());
            } else {
                Period p = Period.parse(text);
                if (p.isNegative()) {
                    throw new ScheduleInputException("within", "must not be negative");
                }
                horizon = from.plus(p);
            }
            if (horizon.isAfter(from.plusYears(MAX_YEARS))) {
                throw new ScheduleInputException("within", "at most " + MAX_YEARS + " years");
            }
            return horizon;
        } catch (DateTimeParseException e) {
            throw new ScheduleInputException("within", "is not an ISO-8601 period or duration (e.g. P30D)");
        } catch (DateTimeException | ArithmeticException e) {
            // a period of billions of years overflows the date arithmetic before the check above
            throw new ScheduleInputException("within", "at most " + MAX_YEARS + " years");
        }
    }
}
