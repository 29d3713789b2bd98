package org.metrolims.app.calibration;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.SignatureRefusedException;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationFilter;
import org.metrolims.calibration.record.CalibrationInputException;
import org.metrolims.calibration.record.CalibrationNotFoundException;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.CalibrationRuleException;
import org.metrolims.calibration.record.CalibrationSort;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardFilter;
import org.metrolims.calibration.standard.StandardStatus;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Calibration pages: the list of calibrations one may see, the form to log one (points, readings, budget, with live
 * recomputation through {@link CalibrationFormController}), the review queue of one's lab, and a calibration's page
 * with its points, budgets, decisions and revisions, where its technician submits and a second technician approves.
 */
@Controller
class CalibrationPagesController {

    private final CalibrationRecords records;
    private final MeasurementStandards standards;
    private final CalibrationApproval approval;

    CalibrationPagesController(CalibrationRecords records, MeasurementStandards standards,
            CalibrationApproval approval) {
        this.records = records;
        this.standards = standards;
        this.approval = approval;
    }

    /** The sort keys of the list (the first is the default, newest first) and the status filter. */
    private static final java.util.List<String> SORTS = java.util.List.of("calibrated", "number", "instrument",
            "procedure", "status");

    @GetMapping("/calibrations")
    String list(@AuthenticationPrincipal MetroLimsUser user, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        TableQuery table = TableQuery.of(request, SORTS, true, "status");
        CalibrationStatus status = java.util.Arrays.stream(CalibrationStatus.values())
                .filter(v -> v.name().equals(table.filter("status"))).findFirst().orElse(null); // unknown: any
        CalibrationSort sort = switch (table.sort()) {
            case "number" -> CalibrationSort.NUMBER;
            case "instrument" -> CalibrationSort.INSTRUMENT;
            case "procedure" -> CalibrationSort.PROCEDURE;
            case "status" -> CalibrationSort.STATUS;
            default -> CalibrationSort.CALIBRATED_ON;
        };
        model.addAttribute("table", table);
        model.addAttribute("statuses", CalibrationStatus.values());
        model.addAttribute("calibrations", records.list(CalibrationActors.of(user),
                new CalibrationFilter(null, null, null, status, null, null), table.text(), sort, table.descending(),
                table.pageRequest()));
        return "calibration/list";
    }

    @GetMapping("/calibrations/new")
    String form(@AuthenticationPrincipal MetroLimsUser user, Model model) {
        CalibrationActors.requireTechnician(user);
        // the reference standards the form offers: the lab's own standards in service
        RegistryUser ownLab = new RegistryUser(user.getUsername(), user.organizationId(), false, true, false);
        model.addAttribute("labStandards", standards.search(new StandardFilter(null, null, null, StandardStatus.ACTIVE,
                null, null, null), new PageRequest(0, PageRequest.MAX_SIZE), ownLab).items());
        return "calibration/new";
    }

    /** The records of the lab waiting for review, never the reviewer's own, a page at a time. */
    @GetMapping("/calibrations/review")
    String review(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CalibrationActors.requireTechnician(user);
        model.addAttribute("queue", records.reviewQueue(CalibrationActors.of(user),
                PageRequest.clamped(page, PageRequest.DEFAULT_SIZE)));
        return "calibration/review";
    }

    @GetMapping("/calibrations/{id}")
    String view(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Model model) {
        Actor actor = CalibrationActors.of(user);
        Calibration c = found(() -> records.get(actor, id));
        model.addAttribute("calibration", c);
        model.addAttribute("names", records.names(actor, id));
        model.addAttribute("overrides", records.overrides(actor, id));
        model.addAttribute("history", records.history(actor, id));
        model.addAttribute("revisions", records.revisions(actor, id));
        model.addAttribute("signatures", approval.signatures(c));
        boolean labTechnician = actor.technician() && c.performingOrganizationId() != null
                && c.performingOrganizationId() == actor.organizationId();
        model.addAttribute("canSubmit", labTechnician && c.status().name().equals("DRAFT")
                && c.technicianId() != null && c.technicianId() == actor.userId());
        model.addAttribute("canApprove", labTechnician && c.status().name().equals("SUBMITTED")
                && (c.technicianId() == null || c.technicianId() != actor.userId()));
        model.addAttribute("canReturn", labTechnician && c.status().name().equals("SUBMITTED"));
        model.addAttribute("canWithdraw", labTechnician && !c.status().locked()
                && !c.status().name().equals("WITHDRAWN"));
        return "calibration/view";
    }

    @PostMapping("/calibrations/{id}/submit")
    String submit(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute StepForm form, RedirectAttributes redirect) {
        int based = version(user, id, form.version());
        return step(redirect, id, () -> records.submit(CalibrationActors.of(user), id, based));
    }

    @PostMapping("/calibrations/{id}/approve")
    String approve(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute StepForm form, RedirectAttributes redirect) {
        int based = version(user, id, form.version());
        String password = form.password();
        try {
            return step(redirect, id, () -> approval.approveAndSign(user, id, based, password));
        } catch (SignatureRefusedException e) {
            redirect.addFlashAttribute(e.locked() ? "signatureLocked" : "signatureRefused", true);
            return "redirect:/calibrations/" + id;
        }
    }

    @PostMapping("/calibrations/{id}/return")
    String returnToDraft(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute StepForm form, RedirectAttributes redirect) {
        int based = version(user, id, form.version());
        String reason = form.reason();
        return step(redirect, id, () -> records.returnToDraft(CalibrationActors.of(user), id, based, reason));
    }

    @PostMapping("/calibrations/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @ModelAttribute StepForm form, RedirectAttributes redirect) {
        int based = version(user, id, form.version());
        String reason = form.reason();
        return step(redirect, id, () -> records.withdraw(CalibrationActors.of(user), id, based, reason));
    }

    /**
     * The form of a step on a record's page: the version it was shown at, and the reason (return, withdraw) or the
     * signer's password (approve).
     */
    record StepForm(Integer version, String reason, String password) {

        StepForm {
            password = password == null ? "" : password;
        }
    }

    private String step(RedirectAttributes redirect, long id, java.util.function.Supplier<Calibration> action) {
        try {
            found(action);
            redirect.addFlashAttribute("done", true);
        } catch (CalibrationRuleException e) {
            redirect.addFlashAttribute("refused", e.code());
        } catch (Forbidden e) {
            if (!CalibrationRuleException.NOT_PERMITTED.equals(e.code())) {
                throw e; // a refused signature is the caller's to answer
            }
            redirect.addFlashAttribute("refused", e.code()); // not a technician of the performing lab
        } catch (CalibrationInputException e) {
            redirect.addFlashAttribute("refused", e.field() + ": " + e.getMessage());
        }
        return "redirect:/calibrations/" + id;
    }

    /**
     * The form's version of the record; a form without one is a 400, but only once the record is known to be one the
     * user may see (another organization's is 404 whatever the form says).
     */
    private int version(MetroLimsUser user, long id, Integer version) {
        if (version == null) {
            found(() -> records.get(CalibrationActors.of(user), id));
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version is required");
        }
        return version;
    }

    private static Calibration found(java.util.function.Supplier<Calibration> read) {
        try {
            return read.get();
        } catch (CalibrationNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
