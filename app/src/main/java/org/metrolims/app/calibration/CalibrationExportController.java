package org.metrolims.app.calibration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.Labels;
import org.metrolims.app.web.TableExport;
import org.metrolims.app.web.TableExport.Column;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.CalibrationSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The calibrations list as CSV or Excel: every calibration the table shows for the same search, status filter and
 * sort (all pages), with the table's column labels and status names in the user's language.
 */
@Controller
class CalibrationExportController {

    private final CalibrationRecords records;
    private final MessageSource messages;
    private final Labels labels;

    CalibrationExportController(CalibrationRecords records, MessageSource messages, Labels labels) {
        this.records = records;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/calibrations/export.{format}")
    void export(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String format,
            HttpServletRequest request, HttpServletResponse response) {
        TableExport.Format as = TableExport.Format.of(format);
        TableQuery table = CalibrationTable.query(request);
        Actor actor = CalibrationActors.of(user);
        TableExport.send(response, as, "calibrations", columns(),
                TableExport.allPages(p -> CalibrationTable.read(records, actor, table, TableExport.exportPage(p))));
    }

    private List<Column<CalibrationSummary>> columns() {
        return List.of(
                new Column<>(label("calibration.field.number"), CalibrationSummary::calibrationNo),
                new Column<>(label("calibration.field.revision"), CalibrationSummary::revision),
                new Column<>(label("calibration.field.instrument"), CalibrationSummary::instrumentLabel),
                new Column<>(label("calibration.field.procedureCode"), CalibrationSummary::procedureCode),
                new Column<>(label("calibration.field.calibratedOn"), c -> c.calibratedOn()),
                new Column<>(label("calibration.field.status"), c -> labels.of(c.status())),
                new Column<>(label("calibration.field.conformity"), c -> labels.of(c.conformity())),
                new Column<>(label("calibration.field.technician"), CalibrationSummary::technicianName));
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
