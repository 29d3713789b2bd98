package org.metrolims.app.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.procedure.ProcedureDraft;
import org.metrolims.calibration.procedure.ProcedureInputException;
import org.metrolims.calibration.procedure.ProcedureSort;
import org.metrolims.calibration.procedure.ProcedureSummary;
import org.metrolims.calibration.procedure.ProcedureTemplate;
import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.procedure.ProcedureVersion;
import org.metrolims.db.PageRequest;
import org.springframework.http.HttpStatus;
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
 * REST for procedure templates: the technicians of an organization list, read, create, revise (a new version) and
 * retire their organization's templates; another organization's template is 404 for reads and writes. Changes quote
 * the template's current version number.
 */
@RestController
@RequestMapping("/api/procedures")
@Tag(name = "Procedures", description = "Procedure templates (JJG/JJF): test points, tolerances and budgets, versioned")
class ProcedureApiController {

    private final ProcedureTemplates templates;

    ProcedureApiController(ProcedureTemplates templates) {
        this.templates = templates;
    }

    /** A revision: the version it is based on and the new content. */
    record Revision(Integer version, ProcedureDraft procedure) {
    }

    /** A retirement: the version it is based on and why. */
    record Retirement(Integer version, String reason) {
    }

    @GetMapping
    @Operation(summary = "One's organization's procedure templates, by code; q searches code and title")
    ApiPage<ProcedureSummary> list(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return ApiPage.of(templates.list(ProcedureActors.of(user), q, includeRetired, ProcedureSort.CODE, false,
                pageRequest(page, size)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A procedure template with every version, newest first")
    ProcedureTemplate get(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return templates.get(ProcedureActors.of(user), id);
    }

    @GetMapping("/{id}/versions/{versionNo}")
    @Operation(summary = "One version of a procedure template, as it was written")
    ProcedureVersion version(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable int versionNo) {
        return templates.get(ProcedureActors.of(user), id).version(versionNo);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a procedure template (technicians; version 1, for one's organization)")
    ProcedureTemplate create(@AuthenticationPrincipal MetroLimsUser user, @RequestBody ProcedureDraft draft) {
        return templates.create(ProcedureActors.of(user), draft);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Revise a procedure template: writes version n + 1; the body quotes n as version")
    ProcedureTemplate revise(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody Revision revision) {
        return templates.revise(ProcedureActors.of(user), id, version(user, id, revision.version()),
                revision.procedure());
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a procedure template: no longer offered nor revised, its versions stay readable")
    ProcedureTemplate retire(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody Retirement retirement) {
        return templates.retire(ProcedureActors.of(user), id, version(user, id, retirement.version()),
                retirement.reason());
    }

    /** The version quoted; a missing one is a 400 once the template is known to be one the user may see. */
    private int version(MetroLimsUser user, long id, Integer version) {
        if (version == null) {
            templates.get(ProcedureActors.of(user), id);
            throw new ProcedureInputException("version", "quote the current version of the template");
        }
        return version;
    }

    private static PageRequest pageRequest(int page, int size) {
        try {
            return new PageRequest(page, size);
        } catch (PageRequest.InvalidPageException e) {
            throw new ProcedureInputException(e.field(), e.getMessage());
        }
    }
}
