package org.metrolims.app.calibration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.app.api.Problems;
import org.metrolims.app.calibration.CalibrationApiModels.Approval;
import org.metrolims.app.calibration.CalibrationApiModels.Correction;
import org.metrolims.app.calibration.CalibrationApiModels.DraftUpdate;
import org.metrolims.app.calibration.CalibrationApiModels.ReasonedStep;
import org.metrolims.app.calibration.CalibrationApiModels.VersionedStep;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationFilter;
import org.metrolims.calibration.record.CalibrationInputException;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.CalibrationSummary;
import org.metrolims.calibration.record.IngestReport;
import org.metrolims.db.PageRequest;
import org.metrolims.db.identity.SignatureCheck;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for calibration records. Technicians of the performing laboratory draft, edit, submit and correct; another
 * technician of it approves; officers and administrators read everything; a lab reads the calibrations it is the
 * customer of; anything else is 404. Changes quote the record's {@code version}.
 */
@RestController
@RequestMapping("/api/calibrations")
@Tag(name = "Calibrations", description = "Calibration records: points, GUM budgets, decisions, review and revisions")
class CalibrationApiController {

    private final CalibrationRecords records;
    private final CalibrationApproval approval;

    CalibrationApiController(CalibrationRecords records, CalibrationApproval approval) {
        this.records = records;
        this.approval = approval;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a calibration (technicians); points are evaluated and decided on the server")
    Calibration create(@AuthenticationPrincipal MetroLimsUser user, @RequestBody CalibrationDraft draft) {
        return records.draft(CalibrationActors.of(user), draft);
    }

    /** The most records one import request carries: one chunk, one transaction, all or nothing. */
    static final int MAX_IMPORT = 1_000;

    @PostMapping("/import")
    @Operation(summary = "Import up to 1000 calibration drafts at once (technicians): each record checked as a single"
            + " draft is; all stored (201 with their ids, in order) or none (400 naming every refused record's field"
            + " as records[i].…)")
    ResponseEntity<?> importDrafts(@AuthenticationPrincipal MetroLimsUser user,
            @RequestBody List<CalibrationDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            return Problems.badRequest(List.of(new FieldProblem("records", "send a JSON array of calibration drafts")));
        }
        if (drafts.size() > MAX_IMPORT) {
            return Problems.badRequest(List.of(new FieldProblem("records", "at most " + MAX_IMPORT
                    + " records per request (got " + drafts.size() + "); send the rest in further requests")));
        }
        IngestReport report = records.ingestChunk(CalibrationActors.of(user), drafts);
        if (!report.accepted()) {
            return Problems.badRequest(report.rejections().stream()
                    .map(r -> new FieldProblem("records[" + r.index() + "]." + r.field(), r.message())).toList());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportResult(report.ids().size(), report.ids()));
    }

    /** What an accepted import stored: the new drafts' ids, in the order they were sent. */
    record ImportResult(int imported, List<Long> ids) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a draft's content (its technician)")
    Calibration update(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody DraftUpdate update) {
        return records.updateDraft(CalibrationActors.of(user), id, version(user, id, update.version()),
                required(update.calibration()));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft for review (its technician)")
    Calibration submit(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody VersionedStep step) {
        return records.submit(CalibrationActors.of(user), id, version(user, id, step.version()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a submitted record (another technician of the lab) and sign it with meaning "
            + "APPROVED: the body repeats the approver's password; locks the record")
    Calibration approve(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody Approval step) {
        return approval.approveAndSign(user, id, version(user, id, step.version()), step.password());
    }

    @GetMapping("/{id}/signatures")
    @Operation(summary = "The record's electronic signatures (who, when, meaning), each with contentChanged: "
            + "whether the record differs from what was signed")
    List<SignatureCheck> signatures(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return approval.signatures(user, id);
    }

    @PostMapping("/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an approved record: a new draft revision with a reason")
    Calibration revise(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody Correction correction) {
        return records.revise(CalibrationActors.of(user), id, version(user, id, correction.version()),
                correction.reason(), required(correction.calibration()));
    }

    /** A draft's new content, or a 400 naming {@code calibration} when the body left it out. */
    private static CalibrationDraft required(CalibrationDraft calibration) {
        if (calibration == null) {
            throw new CalibrationInputException("calibration", "is required");
        }
        return calibration;
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return a submitted record to its technician as a draft, with the reason")
    Calibration returnToDraft(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody ReasonedStep step) {
        return records.returnToDraft(CalibrationActors.of(user), id, version(user, id, step.version()), step.reason());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a draft or submitted record, with the reason; it stays readable")
    Calibration withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody ReasonedStep step) {
        return records.withdraw(CalibrationActors.of(user), id, version(user, id, step.version()), step.reason());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One calibration with its points, readings, budgets and decisions")
    Calibration get(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return records.get(CalibrationActors.of(user), id);
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "Every revision of the calibration's number, oldest first")
    List<CalibrationSummary> revisions(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return records.revisions(CalibrationActors.of(user), id);
    }

    @GetMapping
    @Operation(summary = "Calibrations one may see, newest first, filtered by instrument, lab, status and dates")
    ApiPage<CalibrationSummary> list(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) Long instrumentId,
            @RequestParam(required = false) Long performingOrganizationId,
            @RequestParam(required = false) CalibrationStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return ApiPage.of(records.list(CalibrationActors.of(user),
                new CalibrationFilter(instrumentId, performingOrganizationId, null, status, from, to),
                pageRequest(page, size)));
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Submitted records of one's lab awaiting review (technicians)")
    ApiPage<CalibrationSummary> reviewQueue(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return ApiPage.of(records.reviewQueue(CalibrationActors.of(user), pageRequest(page, size)));
    }

    /**
     * The version the change is based on. A missing one is a 400, but only once the record is known to be one the
     * user may see: another organization's record is 404 whatever the body says.
     */
    private int version(MetroLimsUser user, long id, Integer version) {
        if (version == null) {
            records.get(CalibrationActors.of(user), id);
            throw new CalibrationInputException("version", "quote the version of the record the change is based on");
        }
        return version;
    }

    private static PageRequest pageRequest(int page, int size) {
        try {
            return new PageRequest(page, size);
        } catch (PageRequest.InvalidPageException e) {
            throw new CalibrationInputException(e.field(), e.getMessage());
        }
    }
}
