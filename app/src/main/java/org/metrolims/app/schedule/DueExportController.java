package org.metrolims.app.schedule;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.TableExport;
import org.metrolims.app.web.TableExport.Column;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.DueItem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The due list as CSV or Excel: every item the table lists for the same horizon, lab, as-of date, search and sort
 * (all pages; a lab only its own instruments), with the table's labels in the user's language.
 */
@Controller
class DueExportController {

    private final CalibrationSchedules schedules;
    private final ScheduleClock clock;
    private final MessageSource messages;

    DueExportController(CalibrationSchedules schedules, ScheduleClock clock, MessageSource messages) {
        this.schedules = schedules;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/schedule/due/export.{format}")
    void export(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String format,
            HttpServletRequest request, HttpServletResponse response) {
        TableExport.Format as = TableExport.Format.of(format);
        DueTable due = DueTable.of(request, user, schedules, clock.today());
        TableExport.send(response, as, "due-" + due.asOf(), columns(),
                TableExport.allPages(p -> due.read(schedules, TableExport.exportPage(p))));
    }

    private List<Column<DueItem>> columns() {
        Locale locale = LocaleContextHolder.getLocale();
        boolean zh = locale.getLanguage().equals(Locale.CHINESE.getLanguage());
        String overdue = label("schedule.overdue");
        return List.of(
                new Column<>(label("schedule.field.dueOn"), i -> i.dueOn().toString()),
                new Column<>(overdue, i -> i.overdue() ? overdue : ""),
                new Column<>(label("schedule.field.owner"), i -> zh ? i.ownerNameZh() : i.ownerNameEn()),
                new Column<>(label("schedule.field.type"), i -> zh ? i.typeNameZh() : i.typeNameEn()),
                new Column<>(label("schedule.field.serial"), i -> i.assetNo() != null ? i.assetNo() : i.serialNo()),
                new Column<>(label("schedule.field.last"), i -> i.lastCalibratedOn().map(Object::toString).orElse("")),
                new Column<>(label("schedule.field.interval"),
                        i -> messages.getMessage("schedule.months", new Object[] {i.intervalMonths()}, locale)));
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
