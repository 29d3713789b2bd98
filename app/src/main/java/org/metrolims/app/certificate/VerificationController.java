package org.metrolims.app.certificate;

import java.io.IOException;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page (no login): with the certificate number and its verification code (typed, or from
 * the QR code) it shows status, issue date, issuer and signer; an uploaded PDF is checked byte for byte against
 * the issued ones by SHA-256. A wrong code and an unknown number look the same.
 */
@Controller
class VerificationController {

    /** Certificates are tens of kilobytes; the multipart limit (5 MB) refuses anything larger first. */
    static final long MAX_UPLOAD = 5L * 1024 * 1024;

    private final Certificates certificates;

    VerificationController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/verify/{number}")
    String verify(@PathVariable String number, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("number", number);
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            var found = certificates.verify(number, code);
            model.addAttribute("verification", found.orElse(null));
            model.addAttribute("notFound", found.isEmpty());
        }
        return "certificate/verify";
    }

    /** The check form: the verification code (optional) and the PDF to compare with the stored one. */
    record UploadForm(String code, MultipartFile file) {
    }

    @PostMapping("/verify/{number}")
    String check(@PathVariable String number, @ModelAttribute UploadForm form, Model model) throws IOException {
        String code = form.code();
        MultipartFile file = form.file();
        model.addAttribute("number", number);
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            certificates.verify(number, code).ifPresent(v -> model.addAttribute("verification", v));
        }
        // no file (or a post that is not even multipart) is the visitor's mistake, shown on the page, never a 500
        if (file == null || file.isEmpty() || file.getSize() > MAX_UPLOAD) {
            model.addAttribute("uploadError", true);
        } else {
            model.addAttribute("check", certificates.check(number, file.getBytes()));
        }
        return "certificate/verify";
    }
}
