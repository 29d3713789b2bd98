package org.metrolims.app.certificate;

import org.metrolims.app.signature.SignatureRefusedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateFilter;
import org.metrolims.reports.certificate.CertificateNotFoundException;
import org.metrolims.reports.certificate.CertificateRevision;
import org.metrolims.reports.certificate.CertificateRuleException;
import org.metrolims.reports.certificate.CertificateStatus;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Certificate pages: "my certificates" (search, download one, download the filtered set as a zip), the signature
 * form that issues a certificate for an approved calibration, and batch issue with its progress.
 */
@Controller
class CertificatePagesController {

    private final Certificates certificates;
    private final CertificateBatches batches;
    private final CertificateSignatures signatures;
    private final CertificateSigning signing;
    private final CertificateBatchRunner runner;

    CertificatePagesController(Certificates certificates, CertificateBatches batches,
            CertificateSignatures signatures, CertificateSigning signing, CertificateBatchRunner runner) {
        this.certificates = certificates;
        this.batches = batches;
        this.signatures = signatures;
        this.signing = signing;
        this.runner = runner;
    }

    @GetMapping("/certificates")
    String list(@AuthenticationPrincipal MetroLimsUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new CertificateFilter(q, status, issuedFrom, issuedTo);
        model.addAttribute("certificates", certificates.list(CertificateViewers.of(user), filter,
                PageRequest.clamped(page, PageRequest.DEFAULT_SIZE)));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CertificateStatus.values());
        model.addAttribute("canBatch", user.hasRole(Role.TECHNICIAN));
        return "certificate/list";
    }

    @GetMapping("/certificates/{number}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number,
            @RequestParam(required = false) Integer revision) {
        try {
            return CertificatesApiController.pdfResponse(certificates.pdf(CertificateViewers.of(user), number, revision));
        } catch (CertificateNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/certificates/export.zip")
    ResponseEntity<byte[]> zip(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String q, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo) {
        return CertificatesApiController.zipResponse(certificates, CertificateViewers.of(user),
                new CertificateFilter(q, status, issuedFrom, issuedTo));
    }

    /** One certificate: its revisions with status, amendment and withdrawal, and the withdrawal form. */
    @GetMapping("/certificates/{number}")
    String certificate(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number, Model model) {
        List<CertificateRevision> revisions = history(user, number);
        CertificateRevision latest = revisions.getLast();
        model.addAttribute("number", number);
        model.addAttribute("latest", latest);
        model.addAttribute("revisions", revisions.reversed());
        model.addAttribute("canWithdraw", canWithdraw(user, latest));
        return "certificate/detail";
    }

    /** The withdrawal form: the reason, then (on the confirmation page) {@code confirmed} and the password. */
    record WithdrawalForm(String reason, Boolean confirmed, String password) {

        WithdrawalForm {
            reason = reason == null ? "" : reason;
            confirmed = Boolean.TRUE.equals(confirmed);
            password = password == null ? "" : password;
        }
    }

    /** The issue form: the calibration to certify and the signer's password. */
    record IssueForm(@NotNull Long calibrationId, String password) {

        IssueForm {
            password = password == null ? "" : password;
        }
    }

    /** A form that is only the signer's password (the batch run). */
    record SignatureForm(String password) {

        SignatureForm {
            password = password == null ? "" : password;
        }
    }

    /**
     * Withdrawal in two steps: the reason (from the certificate page) leads to a confirmation page that names the
     * certificate and asks for the signature; only a request carrying {@code confirmed} and the password withdraws.
     */
    @PostMapping("/certificates/{number}/withdrawal")
    String withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number,
            @ModelAttribute WithdrawalForm form, Model model, RedirectAttributes redirect) {
        String reason = form.reason();
        boolean confirmed = form.confirmed();
        String password = form.password();
        List<CertificateRevision> revisions = history(user, number);
        CertificateRevision latest = revisions.getLast();
        model.addAttribute("number", number);
        model.addAttribute("latest", latest);
        model.addAttribute("reason", reason.strip());
        if (!canWithdraw(user, latest)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (reason.isBlank()) {
            model.addAttribute("revisions", revisions.reversed());
            model.addAttribute("canWithdraw", true);
            model.addAttribute("reasonMissing", true);
            return "certificate/detail";
        }
        if (!confirmed) {
            return "certificate/withdraw-confirm";
        }
        try {
            signing.withdraw(user, password, number, reason.strip());
            redirect.addFlashAttribute("withdrawn", number);
            return "redirect:/certificates/" + number;
        } catch (SignatureRefusedException e) {
            model.addAttribute("error", e.locked() ? "signature.locked" : "certificate.error.password");
        } catch (CertificateRuleException | Forbidden e) {
            model.addAttribute("errorDetail", e.getMessage());
        }
        return "certificate/withdraw-confirm";
    }

    private List<CertificateRevision> history(MetroLimsUser user, String number) {
        try {
            return certificates.history(CertificateViewers.of(user), number);
        } catch (CertificateNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The service decides for good; this only hides the form from those it would refuse. */
    private static boolean canWithdraw(MetroLimsUser user, CertificateRevision latest) {
        return latest.status() == CertificateStatus.VALID && user.hasRole(Role.TECHNICIAN)
                && user.organizationId() == latest.issuerOrganizationId();
    }

    @GetMapping("/certificates/issue")
    String issueForm(@AuthenticationPrincipal MetroLimsUser user, @RequestParam long calibrationId, Model model) {
        requireTechnician(user);
        model.addAttribute("calibrationId", calibrationId);
        return "certificate/issue";
    }

    @PostMapping("/certificates/issue")
    String issue(@AuthenticationPrincipal MetroLimsUser user, @Valid @ModelAttribute IssueForm form, Model model,
            RedirectAttributes redirect) {
        requireTechnician(user);
        long calibrationId = form.calibrationId();
        String password = form.password();
        try {
            CertificateSummary issued = signing.issue(user, password, calibrationId);
            redirect.addFlashAttribute("issued", issued.number());
            redirect.addAttribute("q", issued.number());
            return "redirect:/certificates";
        } catch (SignatureRefusedException e) {
            model.addAttribute("error", e.locked() ? "signature.locked" : "certificate.error.password");
        } catch (CertificateRuleException | Forbidden | CertificateNotFoundException e) {
            model.addAttribute("errorDetail", e.getMessage());
        }
        model.addAttribute("calibrationId", calibrationId);
        return "certificate/issue";
    }

    @GetMapping("/certificates/batches/new")
    String batchForm(@AuthenticationPrincipal MetroLimsUser user, Model model) {
        requireTechnician(user);
        model.addAttribute("pending", certificates.uncertified(user.organizationId(), CertificateBatches.MAX_ITEMS).size());
        model.addAttribute("rows", certificates.uncertifiedRows(user.organizationId(),
                CertificateBatchPagesController.SELECTION_ROWS));
        model.addAttribute("selection", new BatchSelectionForm(List.of(), ""));
        return "certificate/batch-new";
    }

    @PostMapping("/certificates/batches")
    String startBatch(@AuthenticationPrincipal MetroLimsUser user, @ModelAttribute SignatureForm form, Model model) {
        requireTechnician(user);
        String password = form.password();
        try {
            CertificateBatch batch = signing.startBatch(user, password);
            runner.submit(batch.id(), signatures.signer(user));
            return "redirect:/certificates/batches/" + batch.id();
        } catch (SignatureRefusedException e) {
            model.addAttribute("error", e.locked() ? "signature.locked" : "certificate.error.password");
            model.addAttribute("pending", certificates.uncertified(user.organizationId(), CertificateBatches.MAX_ITEMS).size());
            return "certificate/batch-new";
        }
    }

    @GetMapping("/certificates/batches/{id}")
    String batch(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Model model) {
        model.addAttribute("batch", visibleBatch(user, id));
        model.addAttribute("items", batches.items(id));
        model.addAttribute("canResend", user.hasRole(Role.TECHNICIAN) && visibleBatch(user, id).organizationId()
                == user.organizationId());
        return "certificate/batch";
    }

    /** The progress the batch page polls. */
    @GetMapping("/certificates/batches/{id}/progress")
    @ResponseBody
    CertificateBatch progress(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return visibleBatch(user, id);
    }

    private CertificateBatch visibleBatch(MetroLimsUser user, long id) {
        return batches.find(id).filter(b -> b.organizationId() == user.organizationId()
                        || CertificateViewers.of(user).seesAll())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireTechnician(MetroLimsUser user) {
        if (!user.hasRole(Role.TECHNICIAN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
