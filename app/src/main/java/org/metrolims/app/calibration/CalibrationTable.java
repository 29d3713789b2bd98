package org.metrolims.app.calibration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationFilter;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.CalibrationSort;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.CalibrationSummary;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;

/** The calibrations list's table state read one way for the page and its export: sort keys, status filter, search. */
final class CalibrationTable {

    /** The sort keys of the list (the first is the default, newest first). */
    static final List<String> SORTS = List.of("calibrated", "number", "instrument", "procedure", "status");

    private CalibrationTable() {}

    static TableQuery query(HttpServletRequest request) {
        return TableQuery.of(request, SORTS, true, "status");
    }

    /** One page of the calibrations the actor may see, for the table's search, status filter and sort. */
    static Page<CalibrationSummary> read(CalibrationRecords records, Actor actor, TableQuery table, PageRequest page) {
        CalibrationStatus status = Arrays.stream(CalibrationStatus.values())
                .filter(v -> v.name().equals(table.filter("status"))).findFirst().orElse(null); // unknown: any
        CalibrationSort sort = switch (table.sort()) {
            case "number" -> CalibrationSort.NUMBER;
            case "instrument" -> CalibrationSort.INSTRUMENT;
            case "procedure" -> CalibrationSort.PROCEDURE;
            case "status" -> CalibrationSort.STATUS;
            default -> CalibrationSort.CALIBRATED_ON;
        };
        return records.list(actor, new CalibrationFilter(null, null, null, status, null, null), table.text(), sort,
                table.descending(), page);
    }
}
