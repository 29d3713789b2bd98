package org.metrolims.reports.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration certificates (ISO/IEC 17025:2017 7.8): issued from an APPROVED calibration only, by a technician of
 * the lab that performed it, as an electronic signature with the meaning "issued". The PDF is rendered once and
 * stored with its SHA-256; downloads serve those bytes, never a new rendering. An amendment (7.8.8) issues revision
 * n + 1 of the same number from the newest approved record, names revision n and the reason, and marks n
 * SUPERSEDED; a withdrawal marks the current revision WITHDRAWN. Every step writes the audit trail.
 */
@Service
public class Certificates {

    static final String ENTITY = "certificate";
    /** The meaning of the issuer's electronic signature, stored with the certificate. */
    public static final String MEANING_ISSUED = "ISSUED";

    private final CertificateFactsRepository facts;
    private final CertificateRepository repository;
    private final AuditTrail audit;
    private final CertificateTemplate template;
    private final CertificateLinks links;
    private final Clock clock;
    private final RandomGenerator random;

    @Autowired
    Certificates(CertificateFactsRepository facts, CertificateRepository repository, AuditTrail audit,
            CertificateTemplate template, CertificateLinks links) {
        this(facts, repository, audit, template, links, Clock.systemUTC(), new SecureRandom());
    }

    /** With a fixed clock and random source: tests, and {@link #with} for the deterministic demo province. */
    Certificates(CertificateFactsRepository facts, CertificateRepository repository, AuditTrail audit,
            CertificateTemplate template, CertificateLinks links, Clock clock, RandomGenerator random) {
        this.facts = facts;
        this.repository = repository;
        this.audit = audit;
        this.template = template;
        this.links = links;
        this.clock = clock;
        this.random = random;
    }

    /**
     * The same certificates on another clock and random source (verification codes): a caller that replays dated
     * events (the demo province's past issues and amendments) issues at a date and with codes of its own seed.
     */
    public Certificates with(Clock clock, RandomGenerator random) {
        return new Certificates(facts, repository, audit, template, links, clock, random);
    }

    /** Issues revision 1 for an approved calibration that has no certificate yet. */
    @Transactional
    public CertificateSummary issue(CertificateSigner signer, long calibrationId) {
        return issue(signer, calibrationId, ChainMemo.none());
    }

    /** Issue within a batch run, whose chains are walked once per (reference standards, calibration day). */
    @Transactional
    CertificateSummary issue(CertificateSigner signer, long calibrationId, ChainMemo chains) {
        // another organization's calibration (neither performed for nor by the signer's) is not found
        CertificateFacts f = facts.find(calibrationId, chains)
                .filter(c -> c.customerId() == signer.organizationId()
                        || c.performerId() != null && c.performerId() == signer.organizationId())
                .orElseThrow(() -> new CertificateNotFoundException("no calibration " + calibrationId));
        checkSigner(signer, f);
        if (f.certified()) {
            throw alreadyCertified(f);
        }
        try {
            return store(signer, f, 1, null, null);
        } catch (DuplicateKeyException e) {
            // a concurrent issue of the same calibration committed revision 1 first: the unique (calibration,
            // revision) key decides, and this one is refused as if it had come second
            throw alreadyCertified(f);
        }
    }

    private static CertificateRuleException alreadyCertified(CertificateFacts f) {
        return new CertificateRuleException("ALREADY_CERTIFIED", "calibrationId", "calibration "
                + f.calibrationNo() + " already has a certificate; amend it instead");
    }

    /** Issues revision n + 1 of a certificate from the newest approved record of its calibration, superseding n. */
    @Transactional
    public CertificateSummary amend(CertificateSigner signer, String number, String reason) {
        CertificateRepository.Stored current = latestSeenBy(signer, number);
        if (reason == null || reason.isBlank()) {
            throw new CertificateRuleException("REASON_REQUIRED", "reason", "an amendment states its reason");
        }
        if (current.status() != CertificateStatus.VALID) {
            throw new CertificateRuleException("NOT_VALID", "number", number + " revision " + current.revision() + " is "
                    + current.status() + "; only the valid revision can be amended");
        }
        long calibrationId = repository.latestApprovedCalibration(number).orElse(current.calibrationId());
        CertificateFacts f = facts.find(calibrationId).orElseThrow();
        checkSigner(signer, f);
        if (!repository.supersede(current.id())) {
            throw new CertificateRuleException("STALE_VERSION", "number", number + " was changed meanwhile; reload and retry");
        }
        return store(signer, f, current.revision() + 1, current, reason.strip());
    }

    /** Withdraws the valid revision of a certificate (it stays on record and on the verification page). */
    @Transactional
    public void withdraw(CertificateSigner signer, String number, String reason) {
        CertificateRepository.Stored current = latestSeenBy(signer, number);
        if (reason == null || reason.isBlank()) {
            throw new CertificateRuleException("REASON_REQUIRED", "reason", "a withdrawal states its reason");
        }
        if (!signer.technician() || signer.organizationId() != current.issuerOrganizationId()) {
            throw new Forbidden("only a technician of the issuing lab withdraws " + number);
        }
        if (!repository.withdraw(current.id(), signer.userId(), clock.instant(), reason.strip())) {
            throw new CertificateRuleException("NOT_VALID", "number", number + " is not valid; nothing to withdraw");
        }
        audit.record(new AuditEntry(signer.username(), "WITHDRAW", ENTITY, key(number, current.revision()),
                AuditJson.object(Map.of("status", "VALID")), AuditJson.object(Map.of("status", "WITHDRAWN")),
                reason.strip(), null));
    }

    /** Certificates the viewer may see, newest first. */
    @Transactional(readOnly = true)
    public Page<CertificateSummary> list(CertificateViewer viewer, CertificateFilter filter, PageRequest page) {
        return repository.list(filter, viewer.seesAll() ? null : viewer.organizationId(), page);
    }

    /** The stored PDF of a revision (the newest when {@code revision} is null), if the viewer may see it. */
    @Transactional(readOnly = true)
    public IssuedCertificate pdf(CertificateViewer viewer, String number, Integer revision) {
        CertificateRepository.Stored c = (revision == null ? repository.latest(number)
                : repository.revision(number, revision))
                .filter(s -> visible(viewer, s))
                .orElseThrow(() -> new CertificateNotFoundException("no certificate " + number));
        return new IssuedCertificate(c.number(), c.revision(), c.status(), repository.pdf(c.id()).orElseThrow(),
                c.sha256());
    }

    /**
     * The revisions of a certificate the viewer may see, oldest first (else not found, as if absent). Each revision is
     * checked on its own: an amendment may name another customer than the revision it replaces, and neither customer
     * sees the other's.
     */
    @Transactional(readOnly = true)
    public List<CertificateRevision> history(CertificateViewer viewer, String number) {
        Set<Integer> seen = repository.revisions(number).stream().filter(s -> visible(viewer, s))
                .map(CertificateRepository.Stored::revision).collect(Collectors.toSet());
        if (seen.isEmpty()) {
            throw new CertificateNotFoundException("no certificate " + number);
        }
        return repository.history(number).stream().filter(r -> seen.contains(r.revision())).toList();
    }

    /** The public verification: the revision whose number and code match, or empty (never says which was wrong). */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String number, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        List<CertificateRepository.Stored> revisions = repository.revisions(number);
        int latest = revisions.isEmpty() ? 0 : revisions.getLast().revision();
        return revisions.stream()
                .filter(s -> MessageDigest.isEqual(s.verificationCode().getBytes(), code.strip().toUpperCase(java.util.Locale.ROOT).getBytes()))
                .findFirst()
                .flatMap(s -> repository.verification(s.id(), latest));
    }

    /** Whether an uploaded PDF is, byte for byte, one of the issued revisions of the number. */
    @Transactional(readOnly = true)
    public PdfCheck check(String number, byte[] uploaded) {
        String sha = sha256(uploaded);
        return repository.revisions(number).stream()
                .filter(s -> s.sha256().equals(sha))
                .findFirst()
                .map(s -> new PdfCheck(true, sha, s.revision(), s.status()))
                .orElse(new PdfCheck(false, sha, null, null));
    }

    /** The verification code a preview prints: no code is drawn, so nothing on the public page answers it. */
    public static final String PREVIEW_CODE = "PREVIEW";

    /**
     * The certificate the calibration would get if it were issued now, as a PDF marked "preview, not issued" across
     * every page: the same facts, wording and template as {@link #issue}, for the reviewer who approves it and the
     * technician who signs it. Nothing is stored, signed, numbered or audited; no verification code is drawn. Only
     * the performing lab's staff preview a record (it may still be a draft): to anyone else it is not found.
     *
     * @param signatory the name printed where the signatory would be
     */
    @Transactional(readOnly = true)
    public byte[] preview(CertificateViewer viewer, String signatory, long calibrationId) {
        CertificateFacts f = facts.find(calibrationId)
                .filter(c -> c.performerId() != null && c.performerId() == viewer.organizationId())
                .orElseThrow(() -> new CertificateNotFoundException("no calibration " + calibrationId));
        Instant now = clock.instant();
        Optional<CertificateRepository.Stored> current = f.certified() ? repository.latest(f.calibrationNo())
                : Optional.empty();
        IssueDetails details = new IssueDetails(f.calibrationNo(), current.map(c -> c.revision() + 1).orElse(1),
                now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(), signatory, PREVIEW_CODE,
                links.verifyUrl(f.calibrationNo(), PREVIEW_CODE),
                current.map(CertificateRepository.Stored::revision).orElse(null),
                current.isPresent() ? "（预览 preview）" : null);
        return template.renderPreview(CertificateWording.preview(f, details), now);
    }

    /** Approved calibrations of a lab with no certificate yet (for batch issue), oldest first. */
    @Transactional(readOnly = true)
    public List<Long> uncertified(long performerId, int limit) {
        return repository.uncertified(performerId, limit);
    }

    /** The batch-issue selection of a lab: its approved calibrations with no certificate yet, oldest first. */
    @Transactional(readOnly = true)
    public List<UncertifiedCalibration> uncertifiedRows(long performerId, int limit) {
        return repository.uncertifiedRows(performerId, limit);
    }

    private CertificateSummary store(CertificateSigner signer, CertificateFacts f, int revision,
            CertificateRepository.Stored replaces, String reason) {
        Instant now = clock.instant();
        String code = VerificationCodes.next(random);
        IssueDetails details = new IssueDetails(f.calibrationNo(), revision, now.atZone(ZoneId.of("Asia/Shanghai"))
                .toLocalDate(), signer.displayName(), code, links.verifyUrl(f.calibrationNo(), code),
                replaces == null ? null : replaces.revision(), reason);
        byte[] pdf = template.render(CertificateWording.of(f, details), now);
        String sha = sha256(pdf);
        long id = repository.insert(new CertificateRepository.NewCertificate(f.calibrationNo(), revision,
                replaces == null ? null : replaces.id(), reason, f.calibrationId(), f.performerId(), f.customerId(),
                f.subject(), now, signer.userId(), MEANING_ISSUED, pdf, sha, code));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", f.calibrationNo());
        after.put("revision", revision);
        after.put("status", "VALID");
        after.put("calibrationId", f.calibrationId());
        after.put("sha256", sha);
        after.put("signedBy", signer.username());
        after.put("meaning", MEANING_ISSUED);
        after.put("traceable", TraceabilityStatement.traceable(f.references()));
        if (!TraceabilityStatement.traceable(f.references())) {
            after.put("traceabilityBreak", TraceabilityStatement.firstBreak(f.references()));
        }
        if (replaces != null) {
            after.put("supersedesRevision", replaces.revision());
            audit.record(new AuditEntry(signer.username(), "SUPERSEDE", ENTITY, key(f.calibrationNo(),
                    replaces.revision()), AuditJson.object(Map.of("status", "VALID")),
                    AuditJson.object(Map.of("status", "SUPERSEDED", "supersededBy", revision)), reason, null));
        }
        audit.record(new AuditEntry(signer.username(), replaces == null ? "ISSUE" : "AMEND", ENTITY,
                key(f.calibrationNo(), revision), null, AuditJson.object(after), reason, null));
        return new CertificateSummary(id, f.calibrationNo(), revision, CertificateStatus.VALID, f.subject(), now,
                f.calibrationId(), f.customer().nameZh(), f.customer().nameEn(), f.performer().nameZh(),
                f.performer().nameEn());
    }

    private static void checkSigner(CertificateSigner signer, CertificateFacts f) {
        if (!"APPROVED".equals(f.status())) {
            throw new CertificateRuleException("NOT_APPROVED", "calibrationId", "calibration " + f.calibrationNo()
                    + " is " + f.status() + "; only an approved calibration gets a certificate");
        }
        if (f.performerId() == null || !signer.technician() || signer.organizationId() != f.performerId()) {
            throw new Forbidden("only a technician of the performing lab signs certificates of "
                    + f.calibrationNo());
        }
    }

    /**
     * The newest revision, if the signer's organization issued it or is its customer: to anyone else another
     * organization's certificate is not found, for changes as for reads (checked before anything in the request).
     */
    private CertificateRepository.Stored latestSeenBy(CertificateSigner signer, String number) {
        return repository.latest(number).filter(s -> visible(new CertificateViewer(signer.organizationId(), false), s))
                .orElseThrow(() -> new CertificateNotFoundException("no certificate " + number));
    }

    private static boolean visible(CertificateViewer viewer, CertificateRepository.Stored c) {
        return viewer.seesAll() || c.customerOrganizationId() == viewer.organizationId()
                || c.issuerOrganizationId() == viewer.organizationId();
    }

    private static String key(String number, int revision) {
        return number + "/" + revision;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
