package org.metrolims.app.schedule;

import org.metrolims.app.security.Role;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.calibration.standard.MeasurementStandard;
import org.metrolims.calibration.standard.MeasurementStandards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.schedule.ScheduleApiModels.CapacityRequest;
import org.metrolims.app.schedule.ScheduleApiModels.IntervalRequest;
import org.metrolims.app.schedule.ScheduleApiModels.PlanResponse;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.Recalls;
import org.metrolims.calibration.schedule.DueFilter;
import org.metrolims.calibration.schedule.DueItem;
import org.metrolims.calibration.schedule.ExpiringCertificate;
import org.metrolims.calibration.schedule.IcsCalendar;
import org.metrolims.calibration.schedule.ScheduleInputException;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.NotFound;
import org.metrolims.db.reference.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for calibration schedules: due lists, expiring assessment certificates, lab plans, calendars, intervals. */
@RestController
@RequestMapping("/api/schedule")
@Tag(name = "Calibration schedules", description = "Due lists, capacity plans, iCalendar export, intervals")
class ScheduleApiController {

    private final CalibrationSchedules schedules;
    private final ScheduleClock clock;
    private final Recalls messages;

    private final MeasurementStandards standards;

    ScheduleApiController(CalibrationSchedules schedules, ScheduleClock clock, Recalls messages,
            MeasurementStandards standards) {
        this.schedules = schedules;
        this.clock = clock;
        this.messages = messages;
        this.standards = standards;
    }

    @GetMapping("/messages")
    @Operation(summary = "The signed-in user's organization's latest recall messages (for the lab portal)")
    java.util.List<Recalls.LabMessage> messages(@AuthenticationPrincipal MetroLimsUser user) {
        return messages.messages(user.organizationId(), 50);
    }

    @GetMapping("/due")
    @Operation(summary = "What is overdue or due within a period (ISO-8601, e.g. P30D), earliest first; a lab sees only its own")
    ApiPage<DueItem> due(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) Long lab,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) Long discipline,
            @RequestParam(required = false) Long performer, @RequestParam(required = false) Long technician,
            @RequestParam(defaultValue = "P30D") String within,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Optional<Long> owner = ScheduleAccess.labFor(user, Optional.ofNullable(lab));
        owner.ifPresent(schedules::requireLab);
        LocalDate from = asOf == null ? clock.today() : asOf;
        var filter = new DueFilter(from, DueWithin.horizon(from, within), owner,
                Optional.ofNullable(region).map(RegionCode::subtreePrefix), Optional.ofNullable(discipline),
                Optional.ofNullable(performer), Optional.ofNullable(technician));
        return ApiPage.of(schedules.due(filter, new PageRequest(page, size)));
    }

    @GetMapping("/certificates")
    @Operation(summary = "Current assessment certificates of active standards expiring within a period (or expired)")
    java.util.List<ExpiringCertificate> certificates(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) Long lab, @RequestParam(defaultValue = "P90D") String within) {
        Optional<Long> owner = ScheduleAccess.labFor(user, Optional.ofNullable(lab));
        owner.ifPresent(schedules::requireLab);
        return schedules.expiringCertificates(DueWithin.horizon(clock.today(), within), owner);
    }

    @GetMapping("/labs/{id}/plan")
    @Operation(summary = "A performing lab's capacity plan: a week for each due calibration, levelled, never after its due date")
    PlanResponse plan(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(defaultValue = "12") int weeks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
        ScheduleAccess.requireLabVisible(user, id);
        var plan = schedules.plan(id, from == null ? clock.today() : from, weeks);
        return PlanResponse.of(id, schedules.capacities(id), plan);
    }

    @GetMapping(path = "/labs/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "The lab's instruments' due dates as iCalendar (RFC 5545), overdue ones and those due within a period")
    ResponseEntity<String> calendar(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(defaultValue = "P365D") String within) {
        ScheduleAccess.requireLabVisible(user, id);
        schedules.requireLab(id);
        LocalDate today = clock.today();
        var filter = DueFilter.province(today, DueWithin.horizon(today, within)).withOwner(id);
        // every due item up to 10,000 (a calendar of more is of no use to a person)
        var items = new java.util.ArrayList<DueItem>();
        for (int p = 0; p < 20; p++) {
            var page = schedules.due(filter, new PageRequest(p, PageRequest.MAX_SIZE));
            items.addAll(page.items());
            if (items.size() >= page.totalItems()) {
                break;
            }
        }
        var events = items.stream().map(i -> new IcsCalendar.Event(
                "instrument-" + i.instrumentId() + "-" + i.dueOn() + "@metrolims",
                i.dueOn(),
                "校准到期 Calibration due: " + i.typeNameZh() + " " + i.typeNameEn() + " "
                        + (i.assetNo() == null ? i.serialNo() : i.assetNo()),
                "Serial " + i.serialNo() + ", interval " + i.intervalMonths() + " months"
                        + i.lastCalibratedOn().map(d -> ", last calibrated " + d).orElse(", never calibrated")))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"due-" + id + ".ics\"")
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(IcsCalendar.write("MetroLIMS due dates " + id, events, Instant.now()));
    }

    @GetMapping("/labs/{id}/capacities")
    Map<Long, Integer> capacities(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        ScheduleAccess.requireLabVisible(user, id);
        return schedules.capacities(id);
    }

    @PutMapping("/labs/{id}/capacities/{disciplineId}")
    @Operation(summary = "Set a lab's weekly capacity in a discipline (0 or more); technicians of the lab, administrators")
    Map<Long, Integer> setCapacity(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable long disciplineId, @RequestBody CapacityRequest body) {
        ScheduleAccess.requirePlanner(user, id);
        if (body.weeklyCapacity() == null) {
            throw new ScheduleInputException("weeklyCapacity", "is required");
        }
        schedules.setCapacity(id, disciplineId, body.weeklyCapacity(), user.getUsername());
        return schedules.capacities(id);
    }

    @PutMapping("/procedures/{code}/interval")
    @Operation(summary = "Set the calibration interval of a procedure (months ≥ 1) for the whole province; officers and"
            + " administrators; instruments that follow it move")
    Map<String, Object> setProcedureInterval(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String code,
            @RequestBody IntervalRequest body) {
        ScheduleAccess.requireProvinceSetter(user);
        if (body.intervalMonths() == null) {
            throw new ScheduleInputException("intervalMonths", "is required");
        }
        int moved = schedules.setProcedureInterval(code, body.intervalMonths(), user.getUsername());
        return Map.of("procedureCode", code, "intervalMonths", body.intervalMonths(), "instrumentsMoved", moved);
    }

    @PutMapping("/standards/{id}/interval")
    @Operation(summary = "Set (or with null clear) the interval of a standard's equipment (months ≥ 1); technicians of"
            + " the standard's owner, administrators")
    Map<String, Object> setStandardInterval(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody IntervalRequest body) {
        ScheduleAccess.requireOwnWriter(user, standard(user, id).ownerOrganizationId(), "no measurement standard " + id);
        int moved = schedules.setStandardInterval(id, Optional.ofNullable(body.intervalMonths()), user.getUsername());
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("standardId", id);
        out.put("intervalMonths", body.intervalMonths());
        out.put("instrumentsMoved", moved);
        return out;
    }

    /** The standard as the registry shows it to the user (a lab only its own organization's), else not found. */
    private MeasurementStandard standard(MetroLimsUser user, long id) {
        boolean readsAll = user.hasRole(Role.ADMIN) || user.hasRole(Role.OFFICER) || user.hasRole(Role.TECHNICIAN);
        try {
            return standards.find(id, new RegistryUser(user.getUsername(), user.organizationId(),
                    user.hasRole(Role.ADMIN), user.hasRole(Role.TECHNICIAN), readsAll));
        } catch (RegistryNotFoundException e) {
            throw new NotFound("no measurement standard " + id);
        }
    }
}
