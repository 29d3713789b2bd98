package org.metrolims.app.standard;

import org.metrolims.app.web.ProvinceToday;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.traceability.Chain;
import org.metrolims.calibration.traceability.RecallImpact;
import org.metrolims.calibration.traceability.TraceabilityAnalysis;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST for one standard's traceability: its chain(s) up to the roots, and the recall impact list. */
@RestController
@Tag(name = "Coverage and traceability", description = "Figures against the province's targets; chains; recall")
class StandardTraceabilityApiController {

    private final TraceabilityAnalysis traceability;
    private final VerificationSchemes schemes;

    private final ProvinceToday today;

    StandardTraceabilityApiController(TraceabilityAnalysis traceability, VerificationSchemes schemes,
            ProvinceToday today) {
        this.today = today;
        this.traceability = traceability;
        this.schemes = schemes;
    }

    @GetMapping("/api/standards/{id}/chain")
    @Operation(summary = "The standard's traceability chain(s) up to the roots as of a date, with per-link verdicts "
            + "and each standard node's place in its verification scheme (scheme, level, verdict)")
    Chain chain(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return schemes.withStandings(
                traceability.chain(id, today.orToday(asOf), RegistryUsers.of(user)));
    }

    @GetMapping("/api/standards/{id}/impact")
    @Operation(summary = "Recall impact list: calibrations done with the standard since its last good calibration, "
            + "and transitively with the standards those calibrated")
    RecallImpact impact(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Parameter(description = "YYYY-MM-DD; default: the last calibration that found it in tolerance")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            @Parameter(description = "YYYY-MM-DD, the day it was found out of tolerance: the default 'since' is then "
                    + "its last good calibration before that day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn) {
        return traceability.impact(id, Optional.ofNullable(since), Optional.ofNullable(foundOn),
                RegistryUsers.of(user));
    }
}
