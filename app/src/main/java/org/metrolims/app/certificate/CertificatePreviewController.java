package org.metrolims.app.certificate;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.reports.certificate.CertificateNotFoundException;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Preview certificate": what the calibration's certificate would be if it were issued now, rendered by the same
 * template from the record as it stands and marked "preview, not issued" on every page — what the reviewer approves
 * and the technician signs, read before the password is re-entered. Nothing is stored, numbered or signed. Only the
 * performing lab's staff preview its records; another organization's record is 404, whoever asks.
 */
@Controller
class CertificatePreviewController {

    private final Certificates certificates;

    CertificatePreviewController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/calibrations/{id}/certificate-preview.pdf")
    ResponseEntity<byte[]> preview(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        byte[] pdf;
        try {
            pdf = certificates.preview(CertificateViewers.of(user), user.displayName(), id);
        } catch (CertificateNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("certificate-preview-" + id + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }
}
