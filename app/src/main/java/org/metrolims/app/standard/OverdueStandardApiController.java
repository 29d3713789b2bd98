package org.metrolims.app.standard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.metrolims.app.schedule.ScheduleClock;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.db.failure.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: whether a standard's equipment is overdue for calibration (the rule reference standards are checked by). */
@RestController
@Tag(name = "Calibration schedules", description = "Due lists, capacity plans, iCalendar export, intervals")
class OverdueStandardApiController {

    private final CalibrationSchedules schedules;
    private final ScheduleClock clock;
    private final MeasurementStandards standards;

    OverdueStandardApiController(CalibrationSchedules schedules, ScheduleClock clock, MeasurementStandards standards) {
        this.schedules = schedules;
        this.clock = clock;
        this.standards = standards;
    }

    @GetMapping("/api/schedule/standards/{id}/overdue")
    @Operation(summary = "Whether a measurement standard's equipment is overdue for calibration on a date (default today)")
    Map<String, Object> standardOverdue(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        try {
            standards.find(id, RegistryUsers.of(user)); // another organization's standard is 404
        } catch (RegistryNotFoundException e) {
            throw new NotFound("no measurement standard " + id);
        }
        LocalDate date = on == null ? clock.today() : on;
        return Map.of("standardId", id, "on", date, "overdue", schedules.isStandardOverdue(id, date));
    }
}
