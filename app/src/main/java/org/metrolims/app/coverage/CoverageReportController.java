package org.metrolims.app.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.app.security.Role;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.reference.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual coverage report as PDF, for officers and administrators: from the API (HTTP Basic) and from the
 * dashboard's link (the signed-in session).
 */
@RestController
class CoverageReportController {

    private final CoverageReports reports;
    private final ProvinceToday provinceToday;

    CoverageReportController(CoverageReports reports, ProvinceToday provinceToday) {
        this.reports = reports;
        this.provinceToday = provinceToday;
    }

    @GetMapping({"/api/coverage/report.pdf", "/coverage/report.pdf"})
    @Operation(summary = "The coverage report (PDF, 简体中文 / English): figures against targets, projections, "
            + "by city, by discipline, trend charts")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal MetroLimsUser user,
            @Parameter(description = "YYYY-MM-DD; today when absent") @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "GB/T 2260 code; the province when absent") @RequestParam(required = false)
                    RegionCode region) {
        if (!(user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN))) {
            throw new Forbidden("The coverage report is for officers and administrators");
        }
        LocalDate today = provinceToday.date();
        LocalDate date = asOf == null ? today : asOf;
        RegionCode r = region == null ? CoverageApiController.PROVINCE : region;
        byte[] pdf = reports.pdf(date, r, today);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("coverage-" + r.value() + "-" + date + ".pdf").build().toString())
                .body(pdf);
    }
}
