package org.metrolims.app.schedule;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.interval.IntervalAnalyses;
import org.metrolims.calibration.interval.IntervalReport;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.db.identity.Organizations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The schedule pages: the due list (a lab sees its own), a performing lab's 12-week plan with the weeks
 * over capacity and its calendar download, and an instrument type's interval analysis with the chart and
 * the accept / reject form (technicians).
 */
@Controller
class SchedulePagesController {

    private final CalibrationSchedules schedules;
    private final IntervalAnalyses analyses;
    private final ScheduleClock clock;

    private final Organizations organizations;

    SchedulePagesController(CalibrationSchedules schedules, IntervalAnalyses analyses, ScheduleClock clock,
            Organizations organizations) {
        this.organizations = organizations;
        this.schedules = schedules;
        this.analyses = analyses;
        this.clock = clock;
    }

    @GetMapping("/schedule/due")
    String due(@AuthenticationPrincipal MetroLimsUser user, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        DueTable due = DueTable.of(request, user, schedules, clock.today());
        model.addAttribute("table", due.table());
        model.addAttribute("due", due.read(schedules, due.table().pageRequest()));
        model.addAttribute("lab", due.owner().orElse(null));
        // the lab filter is a picker by name: it shows the chosen lab's name, never its id
        model.addAttribute("labOrg", due.owner().flatMap(organizations::find).orElse(null));
        model.addAttribute("days", due.days());
        model.addAttribute("asOf", due.asOf());
        model.addAttribute("ownLab", user.organizationId());
        return "schedule/due";
    }

    @GetMapping("/schedule/labs/{id}/plan")
    String plan(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        ScheduleAccess.requireLabVisible(user, id);
        LocalDate start = from == null ? clock.today() : from;
        var plan = schedules.plan(id, start, 12);
        model.addAttribute("lab", id);
        model.addAttribute("plan", plan);
        model.addAttribute("capacities", schedules.capacities(id));
        model.addAttribute("over", plan.weeksOverCapacity());
        return "schedule/plan";
    }

    @GetMapping("/schedule/intervals/{typeId}")
    String interval(@PathVariable long typeId, @RequestParam(defaultValue = "0.95") double target, Model model) {
        IntervalReport report = analyses.analyse(typeId, target);
        model.addAttribute("report", report);
        model.addAttribute("chart", IntervalChart.of(report));
        model.addAttribute("target", target);
        return "schedule/interval";
    }

    @PostMapping("/schedule/intervals/{typeId}/decision")
    String decide(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long typeId,
            @Valid @ModelAttribute DecisionForm form) {
        ScheduleAccess.requireProvinceSetter(user);
        var d = form.decision();
        String reason = form.reason();
        analyses.decide(typeId, d, reason == null || reason.isBlank() ? null : reason.strip(), user.getUsername());
        return "redirect:/schedule/intervals/" + typeId + "?decided=" + d.name();
    }

    /**
     * The decision on a proposed interval: the button pressed (ACCEPTED or REJECTED) and the reason. It has no field
     * to show a message at, so a post without a decision, or with another, is a 400 as before.
     */
    record DecisionForm(@NotNull IntervalAnalyses.Decision decision, String reason) {
    }
}
