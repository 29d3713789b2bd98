package org.metrolims.app.coverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.app.api.Problems;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.ProvinceToday;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageMetrics.RegionFigures;
import org.metrolims.calibration.coverage.CoverageMetrics.Trend;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.calibration.coverage.Figure;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.traceability.scheme.VerificationScheme;
import org.metrolims.calibration.traceability.scheme.VerificationSchemes;
import org.metrolims.db.reference.RegionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for the coverage figures, the demand behind them and the verification schemes (a standard's chain and recall
 * impact list are in {@code app.standard}).
 */
@RestController
@Tag(name = "Coverage and traceability", description = "Figures against the province's targets; chains; recall")
class CoverageApiController {

    static final RegionCode PROVINCE = new RegionCode("350000");

    private final CoverageMetrics metrics;
    private final CoverageAccess access;
    private final VerificationSchemes schemes;
    private final ProvinceToday today;

    CoverageApiController(CoverageMetrics metrics, CoverageAccess access, VerificationSchemes schemes,
            ProvinceToday today) {
        this.today = today;
        this.metrics = metrics;
        this.access = access;
        this.schemes = schemes;
    }

    /** The four figures keyed by name, each with value, target, numerator, denominator, gap. */
    record CoverageResponse(LocalDate asOf, String region, Optional<String> discipline, Map<String, Figure> figures) {
        static CoverageResponse of(CoverageFigures f) {
            Map<String, Figure> m = new java.util.LinkedHashMap<>();
            f.all().forEach(x -> m.put(x.name(), x));
            return new CoverageResponse(f.asOf(), f.region(), f.discipline(), m);
        }
    }

    @GetMapping("/api/coverage")
    @Operation(summary = "publicStandards, provincialStandards, traceabilityCoverage, capabilityCoverage as of a date")
    CoverageResponse coverage(@AuthenticationPrincipal MetroLimsUser user,
            @Parameter(description = "YYYY-MM-DD; today when absent") @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "GB/T 2260 code; a city includes its counties") @RequestParam(required = false)
                    RegionCode region,
            @Parameter(description = "discipline code, e.g. MECHANICS") @RequestParam(required = false)
                    String discipline) {
        CoverageAccess.requireCoverage(user);
        return CoverageResponse.of(metrics.figures(today.orToday(asOf),
                region == null ? PROVINCE : region, access.discipline(discipline)));
    }

    @GetMapping("/api/coverage/cities")
    @Operation(summary = "The four figures for every city (each including its counties)")
    List<RegionFigures> cities(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String discipline) {
        CoverageAccess.requireCoverage(user);
        return metrics.byCity(today.orToday(asOf), PROVINCE, access.discipline(discipline));
    }

    /** One demanded capability and how it is served. */
    record DemandRow(long id, String region, String quantity, String discipline, double rangeLow, double rangeHigh,
            String unit, double neededUncertainty, boolean capable, boolean traceable, List<String> servedBy) {
        static DemandRow of(DemandVerdict v) {
            var d = v.demand();
            return new DemandRow(d.id(), d.regionCode(), d.quantityCode(), d.disciplineCode(), d.rangeLow(),
                    d.rangeHigh(), d.unit(), d.neededUncertainty(), v.capable(), v.traceable(),
                    v.servedBy().stream().map(CoverageStandard::code).toList());
        }
    }

    @GetMapping("/api/coverage/demand")
    @Operation(summary = "Drill-down: the demanded capabilities behind the coverage figures, uncovered first")
    List<DemandRow> demand(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline) {
        CoverageAccess.requireCoverage(user);
        return metrics.demandBehind(today.orToday(asOf), region == null ? PROVINCE : region,
                        access.discipline(discipline)).stream()
                .sorted(java.util.Comparator.comparing(DemandVerdict::traceable).thenComparing(DemandVerdict::capable))
                .map(DemandRow::of).toList();
    }

    @GetMapping("/api/coverage/trend")
    @Operation(summary = "Month-end figures and a projection of when each target is reached at the current pace")
    Trend trend(@AuthenticationPrincipal MetroLimsUser user,
            @Parameter(description = "YYYY-MM-DD, the last point; today when absent") @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "12") @Min(3) @Max(60) int months,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline) {
        CoverageAccess.requireCoverage(user);
        return metrics.trend(today.orToday(asOf), months, region == null ? PROVINCE : region,
                access.discipline(discipline));
    }

    @PostMapping(path = "/api/coverage/demand", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import demand from CSV (region, quantity, range_low, range_high, unit, needed_uncertainty, "
            + "demanded_from[, demanded_until, note]): all rows or none")
    ResponseEntity<?> importDemand(@AuthenticationPrincipal MetroLimsUser user, @RequestBody String csv) {
        CoverageAccess.requireDemandWriter(user);
        ImportReport report = metrics.importDemand(new StringReader(csv), user.getUsername());
        if (!report.accepted()) {
            return Problems.rejectedImport(report);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", report.imported()));
    }

    @GetMapping("/api/verification-schemes")
    @Operation(summary = "The verification schemes (国家计量检定系统表) with their levels and uncertainty bands; public "
            + "reference data, readable by every signed-in user")
    List<VerificationScheme> verificationSchemes() {
        return schemes.schemes();
    }
}
