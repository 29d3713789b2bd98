package org.metrolims.app.standard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.api.Problems;
import org.metrolims.app.standard.RegistryApiModels.CertificateRequest;
import org.metrolims.app.standard.RegistryApiModels.EquipmentRequest;
import org.metrolims.app.standard.RegistryApiModels.ImportResult;
import org.metrolims.app.standard.RegistryApiModels.StandardRequest;
import org.metrolims.app.standard.RegistryApiModels.StatusRequest;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.MeasurementStandard;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.StandardFilter;
import org.metrolims.calibration.standard.StandardHistory;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.calibration.standard.StandardSort;
import org.metrolims.calibration.standard.StandardStatus;
import org.metrolims.db.PageRequest;
import org.metrolims.db.reference.RegionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for measurement standards: list with filters, register, read, correct, change status, add assessment
 * certificates, link and unlink equipment, history, CSV import, CSV and Excel export. No DELETE: retiring is a status.
 */
@RestController
@RequestMapping("/api/standards")
@Tag(name = "Standards registry", description = "Measurement standards (计量标准), status, certificates, equipment")
class StandardsApiController {

    private final MeasurementStandards standards;

    StandardsApiController(MeasurementStandards standards) {
        this.standards = standards;
    }

    @GetMapping
    @Operation(summary = "Standards, filtered and paged; a lab sees only its own organization's")
    ApiPage<MeasurementStandard> list(@AuthenticationPrincipal MetroLimsUser user,
            @Parameter(description = "GB/T 2260 code; a city includes its counties") @RequestParam(required = false)
                    RegionCode region,
            @RequestParam(required = false) String discipline,
            @RequestParam(required = false) StandardLevel level,
            @RequestParam(required = false) StandardStatus status,
            @Parameter(description = "latest assessment certificate expires between today and today + N days")
                    @RequestParam(required = false) @Min(0) @Max(36500) Integer expiringWithinDays,
            @Parameter(description = "part of the code or a name") @RequestParam(required = false) String q,
            @RequestParam(required = false) StandardSort sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        var filter = new StandardFilter(region, discipline, level, status, expiringWithinDays, q, sort);
        return ApiPage.of(standards.search(filter, new PageRequest(page, size), RegistryUsers.of(user)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a standard (technicians of the owner, administrators)")
    MeasurementStandard register(@AuthenticationPrincipal MetroLimsUser user, @RequestBody StandardRequest body) {
        return standards.register(body.details(), body.certificate(), RegistryUsers.of(user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A standard as it is now, with its latest assessment certificate")
    MeasurementStandard read(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return standards.find(id, RegistryUsers.of(user));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a standard's details; 409 if it changed since `version` was read")
    MeasurementStandard update(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody StandardRequest body) {
        return standards.update(id, body.version(), body.details(), body.reason(),
                RegistryUsers.of(user));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Suspend, reactivate or retire from a date (a reason is needed to suspend or retire)")
    MeasurementStandard status(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody StatusRequest body) {
        return standards.changeStatus(id, body.version(), body.status(), body.effectiveFrom(), body.reason(),
                RegistryUsers.of(user));
    }

    @PostMapping("/{id}/assessment-certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an assessment certificate issued or renewed")
    MeasurementStandard certificate(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody CertificateRequest body) {
        return standards.addCertificate(id, body.version(), body.details(), RegistryUsers.of(user));
    }

    @PostMapping("/{id}/equipment")
    @Operation(summary = "Make an instrument of the owner part of the standard's equipment")
    StandardHistory link(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody EquipmentRequest body) {
        return standards.linkEquipment(id, body.instrumentId(), body.reason(), RegistryUsers.of(user));
    }

    @PostMapping("/{id}/equipment/{instrumentId}/unlink")
    @Operation(summary = "Take an instrument out of the standard's equipment")
    StandardHistory unlink(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable long instrumentId, @RequestBody(required = false) EquipmentRequest body) {
        return standards.unlinkEquipment(id, instrumentId, body == null ? null : body.reason(),
                RegistryUsers.of(user));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Status history, assessment certificates, equipment and the audit trail")
    StandardHistory history(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return standards.history(id, RegistryUsers.of(user));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import standards from CSV (UTF-8, header row): all rows or none, with a per-row report")
    ResponseEntity<?> importCsv(@AuthenticationPrincipal MetroLimsUser user, @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        ImportReport report = standards.importCsv(RegistryFiles.reader(body, contentType), RegistryUsers.of(user));
        if (!report.accepted()) {
            return Problems.rejectedImport(report);
        }
        return ResponseEntity.ok(new ImportResult(report.imported()));
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The filtered list as CSV, in the import format")
    ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline,
            @RequestParam(required = false) StandardLevel level, @RequestParam(required = false) StandardStatus status,
            @RequestParam(required = false) @Min(0) @Max(36500) Integer expiringWithinDays,
            @RequestParam(required = false) String q, @RequestParam(required = false) StandardSort sort) {
        var filter = new StandardFilter(region, discipline, level, status, expiringWithinDays, q, sort);
        return RegistryFiles.csv(standards.export(filter, RegistryUsers.of(user)), "standards");
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "The filtered list as an Excel workbook")
    ResponseEntity<byte[]> exportXlsx(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline,
            @RequestParam(required = false) StandardLevel level, @RequestParam(required = false) StandardStatus status,
            @RequestParam(required = false) @Min(0) @Max(36500) Integer expiringWithinDays,
            @RequestParam(required = false) String q, @RequestParam(required = false) StandardSort sort) {
        var filter = new StandardFilter(region, discipline, level, status, expiringWithinDays, q, sort);
        return RegistryFiles.xlsx(standards.export(filter, RegistryUsers.of(user)), "standards");
    }
}
