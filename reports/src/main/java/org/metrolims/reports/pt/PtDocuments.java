package org.metrolims.reports.pt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.Meaning;
import org.metrolims.db.identity.Signatures;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a published PT round, stored as issued (ISO/IEC 17043:2023 7.4; ISO/IEC 17025:2017 7.8.1, 7.8.8
 * and 7.11): when the scores are published the final report and the letter to every enrolled lab are rendered once
 * and kept with their SHA-256; downloads serve those bytes. A correction issues revision n + 1 of every document of
 * the round, naming the reason, and marks revision n SUPERSEDED; nothing is overwritten. A round published before
 * documents were stored gets them on the first request, as issued by the officer who signed its publication, at
 * that signature's time. Every issue and supersession is in the audit trail.
 */
@Service
public class PtDocuments {

    /** The audit trail's entity type of PT documents. */
    public static final String ENTITY = "pt-document";
    /** The record type of a round's PUBLISHED signature. */
    public static final String PUBLICATION_RECORD_TYPE = "pt-round";

    /** Who issues: the user's id and name. */
    public record Issuer(long userId, String username) {
    }

    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final PtContent content;
    private final PtReportTemplates templates;
    private final PtDocumentRepository repository;
    private final AuditTrail audit;
    private final Signatures signatures;
    private final Accounts accounts;

    PtDocuments(ProficiencyRounds rounds, PtEnrolments enrolments, PtContent content, PtReportTemplates templates,
            PtDocumentRepository repository, AuditTrail audit, Signatures signatures, Accounts accounts) {
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.content = content;
        this.templates = templates;
        this.repository = repository;
        this.audit = audit;
        this.signatures = signatures;
        this.accounts = accounts;
    }

    /** Issues revision 1 of the report and every letter of a round just published (in the publishing transaction). */
    @Transactional
    public List<PtDocument> issue(long roundId, Issuer issuer, Instant at) {
        Round round = requireReported(roundId);
        repository.lockRound(roundId);
        if (repository.anyOfRound(roundId)) {
            throw new PtRuleException("ALREADY_ISSUED", null, "the documents of round " + round.code()
                    + " are issued; a correction issues a new revision");
        }
        return issueAll(round, issuer, at, Map.of(), null);
    }

    /**
     * Issues revision n + 1 of every document of a published round from its scores now (after a correction),
     * superseding revision n; a lab enrolled since gets its first letter.
     */
    @Transactional
    public List<PtDocument> reissue(long roundId, Issuer issuer, Instant at, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new PtInputException("reason", "a new revision of the round's documents states its reason");
        }
        Round round = requireReported(roundId);
        repository.lockRound(roundId);
        ensureIssued(round);
        Map<String, PtDocument> previous = new HashMap<>();
        for (PtDocument s : repository.valid(roundId)) {
            previous.put(key(s.kind(), s.labCode()), s);
        }
        return issueAll(round, issuer, at, previous, reason.strip());
    }

    /**
     * The valid documents of a published round, the report first; for a round published before documents were
     * stored, issues them first (once: the round's row lock serialises two first requests).
     */
    @Transactional
    public List<PtDocument> valid(Round round) {
        ensureIssued(round);
        return repository.valid(round.id());
    }

    /** Every revision of every document of a round, oldest first (none before it is published). */
    @Transactional
    public List<PtDocument> history(Round round) {
        ensureIssued(round);
        return repository.all(round.id());
    }

    /** The valid revision of the report or of a lab's letter ({@code labCode} set), or the given revision. */
    @Transactional
    public java.util.Optional<PtDocument> find(Round round, PtDocumentKind kind, String labCode,
            Integer revision) {
        ensureIssued(round);
        if (revision != null) {
            return repository.revision(round.id(), kind, labCode, revision);
        }
        return kind == PtDocumentKind.REPORT ? repository.validReport(round.id())
                : repository.validLetter(round.id(), labCode);
    }

    @Transactional(readOnly = true)
    public byte[] pdf(PtDocument document) {
        return repository.pdf(document.id());
    }

    /**
     * A lab's valid letters, newest issue first: of one scheme when {@code schemeCode} is set, issued on or after
     * {@code from} and before {@code toExclusive} when set; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<PtDocument> lettersOf(long organizationId, String schemeCode, Instant from, Instant toExclusive,
            int limit) {
        return repository.lettersOf(organizationId, schemeCode, from, toExclusive, limit);
    }

    private void ensureIssued(Round round) {
        if (round.status() != RoundStatus.REPORTED || repository.anyOfRound(round.id())) {
            return;
        }
        repository.lockRound(round.id());
        if (repository.anyOfRound(round.id())) {
            return;
        }
        Issued published = signatures.latest(PUBLICATION_RECORD_TYPE, Long.toString(round.id()), Meaning.PUBLISHED)
                .map(s -> new Issued(s.signerId(), s.signerUsername(), s.signedAt()))
                .or(() -> round.summary() == null ? java.util.Optional.empty()
                        : accounts.idOf(round.summary().scoredBy())
                                .map(id -> new Issued(id, round.summary().scoredBy(), round.summary().scoredAt())))
                .orElseThrow(() -> new IllegalStateException("round " + round.code()
                        + " is published but neither its publication signature nor its scorer is on record"));
        issueAll(round, new Issuer(published.userId(), published.username()), published.at(), Map.of(), null);
    }

    private List<PtDocument> issueAll(Round round, Issuer issuer, Instant at,
            Map<String, PtDocument> previous, String reason) {
        PtRoundReport report = content.round(round);
        List<AuditEntry> entries = new ArrayList<>();
        store(round, PtDocumentKind.REPORT, null, null, previous, reason, issuer, at, entries,
                issue -> templates.report(report, issue));
        for (Enrolment e : enrolments.ofRound(round.id())) {
            if (e.status() != EnrolmentStatus.ENROLLED) {
                continue;
            }
            var letter = content.letter(round, report, e, true);
            store(round, PtDocumentKind.LETTER, e.organizationId(), e.labCode(), previous, reason, issuer, at,
                    entries, issue -> templates.letter(letter, issue));
        }
        audit.recordAll(entries);
        return repository.valid(round.id());
    }

    private void store(Round round, PtDocumentKind kind, Long organizationId, String labCode,
            Map<String, PtDocument> previous, String reason, Issuer issuer, Instant at,
            List<AuditEntry> entries, java.util.function.Function<PtIssue, byte[]> render) {
        PtDocument before = previous.get(key(kind, labCode));
        int revision = before == null ? 1 : before.revision() + 1;
        PtIssue issue = new PtIssue(at, content.zone(), revision, before == null ? null : reason);
        byte[] pdf = render.apply(issue);
        String sha = Signatures.sha256(pdf);
        if (before != null && !repository.supersede(before.id())) {
            throw new PtRuleException("CHANGED", null, "a document of round " + round.code()
                    + " was changed meanwhile; reload and retry");
        }
        repository.insert(new PtDocumentRepository.NewDocument(round.id(), kind, organizationId, labCode, revision,
                before == null ? null : before.id(), before == null ? null : reason, at, issuer.userId(), pdf, sha));
        String id = round.id() + "/" + kind + (labCode == null ? "" : "/" + labCode);
        if (before != null) {
            entries.add(new AuditEntry(issuer.username(), "SUPERSEDE", ENTITY, id + "/" + before.revision(),
                    AuditJson.object(Map.of("status", "VALID")),
                    AuditJson.object(Map.of("status", "SUPERSEDED", "supersededBy", revision)), reason, null));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("round", round.code());
        after.put("kind", kind.name());
        if (labCode != null) {
            after.put("labCode", labCode);
            after.put("organizationId", organizationId);
        }
        after.put("revision", revision);
        after.put("status", "VALID");
        after.put("issuedAt", at.toString());
        after.put("sha256", sha);
        entries.add(new AuditEntry(issuer.username(), before == null ? "ISSUE" : "REISSUE", ENTITY,
                id + "/" + revision, null, AuditJson.object(after), before == null ? null : reason, null));
    }

    private Round requireReported(long roundId) {
        Round round = rounds.get(roundId);
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtRuleException("NOT_REPORTED", null, "round " + round.code() + " is " + round.status()
                    + ": its documents are issued when its scores are published");
        }
        return round;
    }

    /** Who published a round and when: the signer and time of its PUBLISHED signature, or its scorer. */
    private record Issued(long userId, String username, Instant at) {
    }

    private static String key(PtDocumentKind kind, String labCode) {
        return kind + "/" + (labCode == null ? "" : labCode);
    }
}
