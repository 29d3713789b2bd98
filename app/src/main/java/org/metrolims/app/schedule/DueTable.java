package org.metrolims.app.schedule;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.DueFilter;
import org.metrolims.calibration.schedule.DueItem;
import org.metrolims.calibration.schedule.DueSort;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;

/**
 * The due list's table state, read one way for the page and its export: the horizon in days, the lab, the as-of
 * date, the search on serial or asset number, and the sort. A lab only ever reads its own instruments
 * ({@link ScheduleAccess#labFor}).
 */
record DueTable(TableQuery table, Optional<Long> owner, int days, LocalDate asOf) {

    /** The sort keys (the first is the default, earliest due first). */
    static final List<String> SORTS = List.of("due", "last", "interval");

    static DueTable of(HttpServletRequest request, MetroLimsUser user, CalibrationSchedules schedules,
            LocalDate today) {
        TableQuery table = TableQuery.of(request, SORTS, false, "days", "lab", "asOf");
        Optional<Long> owner = ScheduleAccess.labFor(user, Optional.ofNullable(number(table.filter("lab"))));
        owner.ifPresent(schedules::requireLab);
        Long days = number(table.filter("days"));
        int within = days == null ? 30 : (int) Math.max(0, Math.min(days, 3660));
        LocalDate asOf = date(table.filter("asOf"));
        return new DueTable(table, owner, within, asOf == null ? today : asOf);
    }

    Page<DueItem> read(CalibrationSchedules schedules, PageRequest page) {
        DueFilter filter = DueFilter.province(asOf, asOf.plusDays(days));
        if (owner.isPresent()) {
            filter = filter.withOwner(owner.get());
        }
        DueSort sort = switch (table.sort()) {
            case "last" -> DueSort.LAST_CALIBRATED_ON;
            case "interval" -> DueSort.INTERVAL;
            default -> DueSort.DUE_ON;
        };
        return schedules.due(filter, table.text(), sort, table.descending(), page);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null; // a mangled link's number filters nothing
        }
    }

    private static LocalDate date(String text) {
        try {
            LocalDate d = text == null ? null : LocalDate.parse(text);
            return d == null || d.getYear() < 1900 || d.getYear() > 9000 ? null : d; // beyond: the horizon overflows
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
