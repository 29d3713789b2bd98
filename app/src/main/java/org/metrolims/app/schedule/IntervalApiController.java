package org.metrolims.app.schedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.metrolims.app.schedule.ScheduleApiModels.DecisionRequest;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.interval.IntervalAnalyses;
import org.metrolims.calibration.interval.IntervalAnalysis;
import org.metrolims.calibration.interval.IntervalInputException;
import org.metrolims.calibration.interval.IntervalReport;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for interval analysis (NCSLI RP-1, ILAC G24) per instrument type, and the decision on it: a province-wide
 * setting, so an officer's or an administrator's.
 */
@RestController
@RequestMapping("/api/instrument-types/{id}")
@Tag(name = "Calibration intervals", description = "Interval analysis from as-found history; accept or reject")
class IntervalApiController {

    private final IntervalAnalyses analyses;

    IntervalApiController(IntervalAnalyses analyses) {
        this.analyses = analyses;
    }

    @GetMapping("/interval-analysis")
    @Operation(summary = "Simple response, interval test (RP-1 A3), exponential and Weibull MLE fits, and the recommended interval")
    IntervalReport analysis(@PathVariable long id,
            @RequestParam(defaultValue = "" + IntervalAnalysis.DEFAULT_TARGET) double target) {
        return analyses.analyse(id, target);
    }

    @PostMapping("/interval-decisions")
    @Operation(summary = "Accept (sets the type's interval) or reject the current recommendation, with a reason; officers and administrators; audited")
    IntervalReport decide(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody DecisionRequest body) {
        ScheduleAccess.requireProvinceSetter(user);
        IntervalAnalyses.Decision decision;
        try {
            decision = IntervalAnalyses.Decision.valueOf(String.valueOf(body.decision()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IntervalInputException("decision", "must be ACCEPTED or REJECTED");
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw new IntervalInputException("reason", "must be at most 500 characters");
        }
        return analyses.decide(id, decision, reason, user.getUsername());
    }
}
