package org.metrolims.app.proficiency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.reports.pt.PtDocument;
import org.metrolims.reports.pt.PtDocumentKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PT documents as PDF downloads, in the API (HTTP Basic) and for the pages (the signed-in session): the round's
 * final report (officers; labs in the round once published), the letter to one lab (officers; a lab its own), the
 * lab's own letter (labs), letters as one zip (a round's for officers, a lab's own for labs), and after a correction
 * a new revision of a published round's documents (officers, signed). A published
 * round's documents are the stored issued bytes (the valid revision, or {@code ?revision=n}, superseded ones too),
 * with their SHA-256 in {@code X-Content-SHA256} and their revision in
 * {@code X-Document-Revision}. Errors are problem+json ({@link PtProblems}): 409 for a round not scored or not
 * published, 404 for a round or lab code the caller may not see.
 */
@RestController
@Tag(name = "Proficiency testing")
class PtReportController {

    private final PtReports reports;
    private final PtPublication publication;

    PtReportController(PtReports reports, PtPublication publication) {
        this.reports = reports;
        this.publication = publication;
    }

    @GetMapping("/api/pt/rounds/{id}/report.pdf")
    @Operation(summary = "The round's final report, labs by code only (officers; labs in the round once published)")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer revision) {
        return pdf(reports.report(user, id, revision));
    }

    @GetMapping("/api/pt/rounds/{id}/letters/{labCode}.pdf")
    @Operation(summary = "The letter to one lab of the round: its scores and record in the scheme (officers; a lab "
            + "its own code only, 404 for any other)")
    ResponseEntity<byte[]> letter(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable String labCode, @RequestParam(required = false) Integer revision) {
        return pdf(reports.letter(user, id, labCode, revision));
    }

    @GetMapping("/api/pt/my/rounds/{id}/letter.pdf")
    @Operation(summary = "The signed-in lab's own letter of a published round (labs)")
    ResponseEntity<byte[]> ownLetter(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer revision) {
        return pdf(reports.ownLetter(user, id, revision));
    }

    @GetMapping("/api/pt/rounds/{id}/letters.zip")
    @Operation(summary = "Every lab's letter of a published round as one zip, named by round and lab code (officers)")
    ResponseEntity<byte[]> roundLetters(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return zip(reports.roundLetters(user, id));
    }

    @GetMapping("/api/pt/my/letters.zip")
    @Operation(summary = "The signed-in lab's own letters as one zip, newest first, at most 500: of one scheme "
            + "(code), issued from/to (dates, inclusive) (labs)")
    ResponseEntity<byte[]> ownLetters(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return zip(reports.ownLetters(user, scheme, from, to));
    }

    /** A correction's request: why, and the officer's password (the new revision is signed). */
    record Republication(String reason, String password) {
    }

    /** An issued document as listed: what, to which lab code, which revision, when, and its SHA-256. */
    record IssuedDocument(PtDocumentKind kind, String labCode, int revision, String status, Instant issuedAt,
            String sha256, String fileName) {

        static IssuedDocument of(PtDocument d) {
            return new IssuedDocument(d.kind(), d.labCode(), d.revision(), d.status(), d.issuedAt(), d.sha256(),
                    d.fileName());
        }
    }

    @PostMapping("/api/pt/rounds/{id}/documents/revisions")
    @Operation(summary = "After a correction, issue revision n + 1 of a published round's report and every letter "
            + "(revision n stays, superseded); signed PUBLISHED: send the reason and the officer's password (officers)")
    ResponseEntity<List<IssuedDocument>> republish(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestBody Republication request) {
        PtAccess.requireOfficer(user);
        return ResponseEntity.status(HttpStatus.CREATED).body(publication.republish(user, id, request.password(),
                request.reason()).stream().map(IssuedDocument::of).toList());
    }

    @GetMapping("/pt/rounds/{id}/report.pdf")
    ResponseEntity<byte[]> reportPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer revision) {
        return report(user, id, revision);
    }

    @GetMapping("/pt/rounds/{id}/letters/{labCode}.pdf")
    ResponseEntity<byte[]> letterPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @PathVariable String labCode, @RequestParam(required = false) Integer revision) {
        return letter(user, id, labCode, revision);
    }

    @GetMapping("/pt/rounds/{id}/letters.zip")
    ResponseEntity<byte[]> roundLettersPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return roundLetters(user, id);
    }

    @GetMapping("/pt/my/rounds/{id}/report.pdf")
    ResponseEntity<byte[]> ownReportPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        PtAccess.requireLab(user);
        return report(user, id, null);
    }

    @GetMapping("/pt/my/rounds/{id}/letter.pdf")
    ResponseEntity<byte[]> ownLetterPage(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return ownLetter(user, id, null);
    }

    @GetMapping("/pt/my/letters.zip")
    ResponseEntity<byte[]> ownLettersPage(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String scheme,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ownLetters(user, scheme, from, to);
    }

    private static ResponseEntity<byte[]> pdf(PtReports.Pdf pdf) {
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build()
                        .toString());
        if (pdf.sha256() != null) {
            response.header("X-Content-SHA256", pdf.sha256())
                    .header("X-Document-Revision", Integer.toString(pdf.revision()))
                    .eTag("\"" + pdf.sha256() + "\"");
        }
        return response.body(pdf.bytes());
    }

    private static ResponseEntity<byte[]> zip(PtReports.Pdf zip) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(zip.fileName()).build().toString())
                .body(zip.bytes());
    }
}
