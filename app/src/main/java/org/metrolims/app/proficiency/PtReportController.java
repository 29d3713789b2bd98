package org.metrolims.app.proficiency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.metrolims.app.security.MetroLimsUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * PT documents as PDF downloads, in the API (HTTP Basic) and for the pages (the signed-in session): the round's
 * final report (officers; labs in the round once published), the letter to one lab (officers; a lab its own) and the lab's own
 * letter (labs). Errors are problem+json ({@link PtProblems}): 409 for a round not scored or not published, 404
 * for a round or lab code the caller may not see.
 */
@RestController
@Tag(name = "Proficiency testing")
class PtReportController {

    private final PtReports reports;

    PtReportController(PtReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/pt/rounds/{id}/report.pdf")
    @Operation(summary = "The round's final report, labs by code only (officers; labs in the round once published)")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return pdf(reports.report(user, id), "pt-report-" + id + ".pdf");
    }

    @GetMapping("/api/pt/rounds/{id}/letters/{labCode}.pdf")
    @Operation(summary = "The letter to one lab of the round: its scores and record in the scheme (officers; a lab "
            + "its own code only, 404 for any other)")
    ResponseEntity<byte[]> letter(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable String labCode) {
        return pdf(reports.letter(user, id, labCode), "pt-letter-" + id + "-" + labCode + ".pdf");
    }

    @GetMapping("/api/pt/my/rounds/{id}/letter.pdf")
    @Operation(summary = "The signed-in lab's own letter of a published round (labs)")
    ResponseEntity<byte[]> ownLetter(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return pdf(reports.ownLetter(user, id), "pt-letter-" + id + ".pdf");
    }

    @GetMapping("/pt/rounds/{id}/report.pdf")
    ResponseEntity<byte[]> reportPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return report(user, id);
    }

    @GetMapping("/pt/rounds/{id}/letters/{labCode}.pdf")
    ResponseEntity<byte[]> letterPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable String labCode) {
        return letter(user, id, labCode);
    }

    @GetMapping("/pt/my/rounds/{id}/report.pdf")
    ResponseEntity<byte[]> ownReportPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        PtAccess.requireLab(user);
        return report(user, id);
    }

    @GetMapping("/pt/my/rounds/{id}/letter.pdf")
    ResponseEntity<byte[]> ownLetterPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return ownLetter(user, id);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build()
                        .toString())
                .body(body);
    }
}
