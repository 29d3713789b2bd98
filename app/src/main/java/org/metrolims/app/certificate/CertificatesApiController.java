package org.metrolims.app.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.metrolims.app.api.ApiPage;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.app.api.Problems;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.db.PageRequest;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateFilter;
import org.metrolims.reports.certificate.CertificateNotFoundException;
import org.metrolims.reports.certificate.CertificateStatus;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;
import org.metrolims.reports.certificate.IssuedCertificate;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates over REST: the list a caller may see (paged, filtered), a revision's PDF exactly as issued, a zip
 * of a filtered set, and — as electronic signatures with the password re-entered — issue, amend, withdraw and
 * batch issue.
 */
@RestController
@RequestMapping("/api/certificates")
class CertificatesApiController {

    /** The most certificates one zip holds. */
    static final int MAX_ZIP = 500;

    record IssueRequest(long calibrationId, String password) {
    }

    record AmendRequest(String password, String reason) {
    }

    record SignatureRequest(String password) {
    }

    private final Certificates certificates;
    private final CertificateBatches batches;
    private final CertificateSignatures signers;
    private final CertificateSigning signing;
    private final CertificateBatchRunner runner;

    CertificatesApiController(Certificates certificates, CertificateBatches batches, CertificateSignatures signers,
            CertificateSigning signing, CertificateBatchRunner runner) {
        this.certificates = certificates;
        this.batches = batches;
        this.signers = signers;
        this.signing = signing;
        this.runner = runner;
    }

    @GetMapping
    ApiPage<CertificateSummary> list(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String q, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return ApiPage.of(certificates.list(CertificateViewers.of(user),
                new CertificateFilter(q, status, issuedFrom, issuedTo), new PageRequest(page, size)));
    }

    @GetMapping("/{number}.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number,
            @RequestParam(required = false) Integer revision) {
        return pdfResponse(certificates.pdf(CertificateViewers.of(user), number, revision));
    }

    @GetMapping("/export.zip")
    ResponseEntity<byte[]> zip(@AuthenticationPrincipal MetroLimsUser user,
            @RequestParam(required = false) String q, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo) {
        return zipResponse(certificates, CertificateViewers.of(user), new CertificateFilter(q, status, issuedFrom, issuedTo));
    }

    @PostMapping
    ResponseEntity<CertificateSummary> issue(@AuthenticationPrincipal MetroLimsUser user,
            @RequestBody IssueRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(signing.issue(user, request.password(), request.calibrationId()));
    }

    @PostMapping("/{number}/amendments")
    ResponseEntity<CertificateSummary> amend(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number,
            @RequestBody AmendRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(signing.amend(user, request.password(), number, request.reason()));
    }

    @PostMapping("/{number}/withdrawal")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal MetroLimsUser user, @PathVariable String number,
            @RequestBody AmendRequest request) {
        signing.withdraw(user, request.password(), number, request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/batches")
    ResponseEntity<?> batch(@AuthenticationPrincipal MetroLimsUser user, @RequestBody SignatureRequest request) {
        if (request.password() == null || request.password().isEmpty()) { // nothing to sign with: bad input
            return Problems.badRequest(List.of(new FieldProblem("password",
                    "starting a batch issue is a signature: re-enter your password")));
        }
        CertificateBatch batch = signing.startBatch(user, request.password());
        runner.submit(batch.id(), signers.signer(user));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(batch);
    }

    @GetMapping("/batches/{id}")
    CertificateBatch batchProgress(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id) {
        return batches.find(id).filter(b -> b.organizationId() == user.organizationId()
                        || CertificateViewers.of(user).seesAll())
                .orElseThrow(() -> new CertificateNotFoundException("no batch " + id));
    }

    static ResponseEntity<byte[]> pdfResponse(IssuedCertificate c) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.fileName()).build().toString())
                .header("X-Certificate-Status", c.status().name())
                .header("X-Content-SHA256", c.sha256())
                .body(c.pdf());
    }

    /**
     * The newest revision of each certificate in the filtered set (at most {@link #MAX_ZIP}, about 25 MB), zipped in
     * memory: the PDFs are read whole anyway, and a complete body keeps errors out of a half-sent download.
     */
    static ResponseEntity<byte[]> zipResponse(Certificates certificates,
            org.metrolims.reports.certificate.CertificateViewer viewer, CertificateFilter filter) {
        var listed = certificates.list(viewer, filter, new PageRequest(0, MAX_ZIP)).items();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            // per number the newest revision listed: the newest of all may name another customer than the viewer
            var newest = listed.stream().collect(java.util.stream.Collectors.toMap(CertificateSummary::number,
                    CertificateSummary::revision, Math::max, java.util.LinkedHashMap::new));
            for (var entry : newest.entrySet()) {
                IssuedCertificate c = certificates.pdf(viewer, entry.getKey(), entry.getValue());
                zip.putNextEntry(new ZipEntry(c.fileName()));
                zip.write(c.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("certificates.zip").build().toString())
                .body(bytes.toByteArray());
    }
}
