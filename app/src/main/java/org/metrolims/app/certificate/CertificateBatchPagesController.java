package org.metrolims.app.certificate;

import jakarta.validation.Valid;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.app.signature.SignatureRefusedException;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateNotFoundException;
import org.metrolims.reports.certificate.CertificateRuleException;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Batch issue of selected certificates: the technician ticks approved calibrations of the lab on the batch page
 * ({@code /certificates/batches/new}) and signs once; each certificate is then issued in the background, in its own
 * transaction, and e-mailed to its customer. The batch page shows each certificate's e-mail and sends a failed one
 * again.
 */
@Controller
class CertificateBatchPagesController {

    /** The most rows the selection lists (the oldest first); a larger backlog is issued in several batches. */
    static final int SELECTION_ROWS = 500;

    private final Certificates certificates;
    private final CertificateBatches batches;
    private final CertificateSignatures signatures;
    private final CertificateSigning signing;
    private final CertificateBatchRunner runner;
    private final CertificateMailer mailer;

    CertificateBatchPagesController(Certificates certificates, CertificateBatches batches,
            CertificateSignatures signatures, CertificateSigning signing, CertificateBatchRunner runner,
            CertificateMailer mailer) {
        this.certificates = certificates;
        this.batches = batches;
        this.signatures = signatures;
        this.signing = signing;
        this.runner = runner;
        this.mailer = mailer;
    }

    @PostMapping("/certificates/batches/selection")
    String startSelected(@AuthenticationPrincipal MetroLimsUser user,
            @Valid @ModelAttribute("selection") BatchSelectionForm selection, BindingResult errors, Model model) {
        requireTechnician(user);
        if (!errors.hasErrors()) {
            try {
                CertificateBatch batch = signing.startSelected(user, selection.password(),
                        selection.calibrationIds());
                runner.submit(batch.id(), signatures.signer(user));
                return "redirect:/certificates/batches/" + batch.id();
            } catch (CertificateNotFoundException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            } catch (SignatureRefusedException e) {
                errors.rejectValue("password", e.locked() ? "signature.locked" : "certificate.error.password");
            } catch (CertificateRuleException e) {
                errors.rejectValue("calibrationIds", "NotEmpty");
            }
        }
        selectionModel(user, model);
        return "certificate/batch-new";
    }

    @PostMapping("/certificates/batches/{id}/mail")
    String resend(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Valid @ModelAttribute("resend") ResendMailForm resend, BindingResult errors,
            RedirectAttributes redirect) {
        requireTechnician(user);
        CertificateBatch batch = batches.find(id).filter(b -> b.organizationId() == user.organizationId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (errors.hasErrors()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "calibrationId is required");
        }
        try {
            boolean sent = mailer.resend(batch.id(), resend.calibrationId(), user.getUsername());
            redirect.addFlashAttribute(sent ? "mailSent" : "mailFailed", resend.calibrationId());
        } catch (CertificateNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/certificates/batches/" + batch.id();
    }

    /** What the batch-issue page shows: the selection and the count behind it. */
    void selectionModel(MetroLimsUser user, Model model) {
        var rows = certificates.uncertifiedRows(user.organizationId(), SELECTION_ROWS);
        model.addAttribute("rows", rows);
        model.addAttribute("pending", certificates.uncertified(user.organizationId(), CertificateBatches.MAX_ITEMS)
                .size());
    }

    private static void requireTechnician(MetroLimsUser user) {
        if (!user.hasRole(Role.TECHNICIAN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
