package org.metrolims.app.instrument;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.api.Problems;
import org.metrolims.app.standard.RegistryApiModels.ImportResult;
import org.metrolims.app.standard.RegistryFiles;
import org.metrolims.app.standard.RegistryUsers;
import org.metrolims.app.instrument.InstrumentApiModels.InstrumentRequest;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.instrument.Instrument;
import org.metrolims.calibration.instrument.InstrumentFilter;
import org.metrolims.calibration.instrument.InstrumentStatus;
import org.metrolims.calibration.instrument.Instruments;
import org.metrolims.calibration.standard.ImportReport;
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

/** REST for instruments: list with filters, register, read, correct, CSV import, CSV and Excel export. No DELETE. */
@RestController
@RequestMapping("/api/instruments")
@Tag(name = "Instruments registry", description = "Instruments: owner, type, make, range, resolution, MPE")
class InstrumentsApiController {

    private final Instruments instruments;

    InstrumentsApiController(Instruments instruments) {
        this.instruments = instruments;
    }

    @GetMapping
    @Operation(summary = "Instruments, filtered and paged; a lab sees only its own organization's")
    ApiPage<Instrument> list(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String type,
            @RequestParam(required = false) InstrumentStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        var filter = new InstrumentFilter(region, discipline, owner, type, status, q);
        return ApiPage.of(instruments.search(filter, new PageRequest(page, size), RegistryUsers.of(user)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an instrument (technicians of the owner, administrators)")
    Instrument register(@AuthenticationPrincipal MetroLimsUser user, @RequestBody InstrumentRequest body) {
        return instruments.register(body.details(), RegistryUsers.of(user));
    }

    @GetMapping("/{id}")
    Instrument read(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return instruments.find(id, RegistryUsers.of(user));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct an instrument's details; 409 if it changed since `version` was read")
    Instrument update(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody InstrumentRequest body) {
        return instruments.update(id, body.version(), body.details(),
                body.reason(), RegistryUsers.of(user));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import instruments from CSV (UTF-8, header row): all rows or none, with a per-row report")
    ResponseEntity<?> importCsv(@AuthenticationPrincipal MetroLimsUser user, @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        ImportReport report = instruments.importCsv(RegistryFiles.reader(body, contentType), RegistryUsers.of(user));
        if (!report.accepted()) {
            return Problems.rejectedImport(report);
        }
        return ResponseEntity.ok(new ImportResult(report.imported()));
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> exportCsv(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String type,
            @RequestParam(required = false) InstrumentStatus status, @RequestParam(required = false) String q) {
        var filter = new InstrumentFilter(region, discipline, owner, type, status, q);
        return RegistryFiles.csv(instruments.export(filter, RegistryUsers.of(user)), "instruments");
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) RegionCode region, @RequestParam(required = false) String discipline,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String type,
            @RequestParam(required = false) InstrumentStatus status, @RequestParam(required = false) String q) {
        var filter = new InstrumentFilter(region, discipline, owner, type, status, q);
        return RegistryFiles.xlsx(instruments.export(filter, RegistryUsers.of(user)), "instruments");
    }
}
