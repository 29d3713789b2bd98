package org.metrolims.app.coverage;

import java.time.LocalDate;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageMetrics.Dashboard;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.reference.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The province dashboard and the verification schemes with the standards at each level (the demand
 * behind its figures is in DemandPagesController, one standard's chain viewer in {@code app.standard}).
 */
@Controller
class CoveragePagesController {

    static final int TREND_MONTHS = 12;

    private final CoverageMetrics metrics;
    private final CoverageAccess access;
    private final VerificationSchemes schemes;
    private final ProvinceToday today;

    CoveragePagesController(CoverageMetrics metrics, CoverageAccess access, VerificationSchemes schemes,
            ProvinceToday today) {
        this.today = today;
        this.metrics = metrics;
        this.access = access;
        this.schemes = schemes;
    }

    @GetMapping("/coverage")
    String dashboard(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) RegionCode region,
            @RequestParam(required = false) String discipline, Model model) {
        requireCoverage(user);
        LocalDate date = today.orToday(asOf);
        Optional<String> d = discipline(discipline);
        RegionCode r = region == null ? CoverageApiController.PROVINCE : region;
        var regions = metrics.regions();
        if (regions.stream().noneMatch(x -> x.code().equals(r.value()))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "region: unknown GB/T 2260 code");
        }
        var snapshot = metrics.dashboardSnapshot(date, TREND_MONTHS);
        Dashboard dashboard = metrics.dashboard(snapshot, date, r, d, TREND_MONTHS);
        model.addAttribute("asOf", date);
        model.addAttribute("region", r.value());
        model.addAttribute("discipline", d.orElse(""));
        model.addAttribute("disciplines", metrics.disciplines());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("drill", CoverageDrill.of(metrics, snapshot, date, r, d, regions));
        model.addAttribute("canReport", user.hasRole(org.metrolims.app.security.Role.OFFICER)
                || user.hasRole(org.metrolims.app.security.Role.ADMIN));
        model.addAttribute("charts", CoverageDrill.charts(dashboard.trend()));
        return "coverage/dashboard";
    }

    @GetMapping("/coverage/schemes")
    String schemes(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        requireCoverage(user);
        LocalDate date = today.orToday(asOf);
        model.addAttribute("asOf", date);
        var summaries = schemes.overview(date);
        java.util.Map<Long, String> bands = new java.util.HashMap<>();
        summaries.forEach(x -> x.scheme().levels().forEach(l -> bands.put(l.id(), band(l))));
        model.addAttribute("summaries", summaries);
        model.addAttribute("bands", bands);
        return "coverage/schemes";
    }

    /** A level's band as the scheme states it: (4E-7, 8E-7], or (0.022 + 0.2L, 0.06 + 0.6L] when it grows with L. */
    static String band(org.metrolims.calibration.traceability.scheme.SchemeLevel l) {
        return "(" + limit(l.low(), l.lowPerLength()) + ", " + limit(l.high(), l.highPerLength()) + "]";
    }

    private static String limit(double a, double b) {
        return b == 0 ? plain(a) : a == 0 ? plain(b) + "L" : plain(a) + " + " + plain(b) + "L";
    }

    /** A band limit as typed in the scheme: 4E-7, 0.05, 20. */
    static String plain(double v) {
        return v == 0 ? "0" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toString();
    }

    private Optional<String> discipline(String code) {
        try {
            return access.discipline(code);
        } catch (InvalidInput e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static void requireCoverage(MetroLimsUser user) {
        if (!CoverageAccess.seesCoverage(user)) {
            throw new AccessDeniedException("coverage");
        }
    }
}
