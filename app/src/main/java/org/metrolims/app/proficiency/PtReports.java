package org.metrolims.app.proficiency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.enrolment.EnrolmentStatus;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.reports.pt.PtContent;
import org.metrolims.reports.pt.PtDocument;
import org.metrolims.reports.pt.PtDocumentKind;
import org.metrolims.reports.pt.PtDocuments;
import org.metrolims.reports.pt.PtReportTemplates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF documents of a PT round: the final report (every lab by code only) and the letter to one lab (its own
 * result and scores, and its record in the scheme). Once the scores are published (REPORTED) they are the documents
 * stored as issued ({@link PtDocuments}), served byte for byte with their SHA-256; before that an officer may preview
 * a scored round's documents, rendered on request and not issued. A lab gets the report and its own letter of a
 * round it is enrolled in once published, its letters as one zip, and 404 for a round it is not in, as for anything
 * of another lab.
 */
@Service
class PtReports {

    /** The most letters one zip holds (a letter is about 100 kB). */
    static final int MAX_ZIP = 500;

    /** A PDF to send: an issued revision with its SHA-256, or a preview (no hash, no revision). */
    record Pdf(String fileName, byte[] bytes, String sha256, Integer revision) {
    }

    private final ProficiencyRounds rounds;
    private final PtEnrolments enrolments;
    private final PtContent content;
    private final PtDocuments documents;
    private final PtReportTemplates templates;

    PtReports(ProficiencyRounds rounds, PtEnrolments enrolments, PtContent content, PtDocuments documents,
            PtReportTemplates templates) {
        this.rounds = rounds;
        this.enrolments = enrolments;
        this.content = content;
        this.documents = documents;
        this.templates = templates;
    }

    /**
     * The round's final report: an officer's for a scored round; a lab's once published, if it is in the round. Of
     * a published round, the valid revision, or revision {@code revision} (a superseded one too) when given.
     */
    @Transactional
    public Pdf report(MetroLimsUser user, long roundId, Integer revision) {
        Round round = rounds.get(roundId);
        if (!PtAccess.requireOfficerOrLab(user)) {
            ownEnrolment(user, round);
            requireReported(round);
        }
        if (round.status() == RoundStatus.REPORTED) {
            return issued(documents.find(round, PtDocumentKind.REPORT, null, revision)
                    .orElseThrow(() -> new PtNotFoundException("revision of the report", revision)));
        }
        return new Pdf("pt-report-" + round.code() + "-preview.pdf",
                templates.report(content.round(requireScored(round))), null, null);
    }

    /**
     * The letter to the lab with code {@code labCode}: officers any lab's of a scored round; a lab only its own
     * (the same as {@link #ownLetter}), and 404 for any other code, so that it learns nothing of other labs.
     */
    @Transactional
    public Pdf letter(MetroLimsUser user, long roundId, String labCode, Integer revision) {
        if (!PtAccess.requireOfficerOrLab(user)) {
            Round round = rounds.get(roundId);
            Enrolment own = ownEnrolment(user, round);
            if (!own.labCode().equals(labCode)) {
                throw new PtNotFoundException("lab code", labCode);
            }
            return ownLetter(user, roundId, revision);
        }
        Round round = rounds.get(roundId);
        Enrolment enrolment = enrolments.ofRound(roundId).stream().filter(e -> e.labCode().equals(labCode))
                .findFirst().orElseThrow(() -> new PtNotFoundException("lab code", labCode));
        if (round.status() == RoundStatus.REPORTED) {
            return issued(documents.find(round, PtDocumentKind.LETTER, labCode, revision)
                    .orElseThrow(() -> new PtNotFoundException("letter to lab code", labCode)));
        }
        var scored = requireScored(round);
        return new Pdf("pt-letter-" + round.code() + "-" + labCode + "-preview.pdf",
                templates.letter(content.letter(scored, content.round(scored), enrolment, false)), null, null);
    }

    /**
     * The signed-in lab's own letter (the valid revision, or {@code revision} when given); 404 when it is not in the
     * round or the scores are not published yet.
     */
    @Transactional
    public Pdf ownLetter(MetroLimsUser lab, long roundId, Integer revision) {
        PtAccess.requireLab(lab);
        Round round = rounds.get(roundId);
        Enrolment enrolment = ownEnrolment(lab, round);
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtNotFoundException("published PT round", roundId);
        }
        return issued(documents.find(round, PtDocumentKind.LETTER, enrolment.labCode(), revision)
                .orElseThrow(() -> new PtNotFoundException("published PT round", roundId)));
    }

    /** Every lab's valid letter of a published round, as one zip (officers). */
    @Transactional
    public Pdf roundLetters(MetroLimsUser officer, long roundId) {
        PtAccess.requireOfficer(officer);
        Round round = requireReported(rounds.get(roundId));
        List<PtDocument> letters = documents.valid(round).stream()
                .filter(d -> d.kind() == PtDocumentKind.LETTER).toList();
        return new Pdf("pt-letters-" + round.code() + ".zip", zip(letters), null, null);
    }

    /**
     * The signed-in lab's own valid letters as one zip, newest first (at most {@link #MAX_ZIP}): of one scheme
     * (its code) when given, issued from {@code from} to {@code to} inclusive (dates in the province's zone) when
     * given. Only letters addressed to the lab's organization: never another lab's.
     */
    @Transactional(readOnly = true)
    public Pdf ownLetters(MetroLimsUser lab, String scheme, LocalDate from, LocalDate to) {
        PtAccess.requireLab(lab);
        if (from != null && to != null && to.isBefore(from)) {
            throw new PtInputException("to", "to (" + to + ") is before from (" + from + ")");
        }
        var zone = content.zone();
        List<PtDocument> letters = documents.lettersOf(lab.organizationId(),
                scheme == null || scheme.isBlank() ? null : scheme.strip(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), MAX_ZIP);
        return new Pdf("pt-letters-" + lab.organizationCode() + ".zip", zip(letters), null, null);
    }

    /** The PDFs zipped in memory, each entry named by round and lab code and dated with its issue. */
    private byte[] zip(List<PtDocument> letters) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (PtDocument d : letters) {
                ZipEntry entry = new ZipEntry(d.fileName());
                entry.setTime(d.issuedAt().toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(documents.pdf(d));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Pdf issued(PtDocument d) {
        return new Pdf(d.fileName(), documents.pdf(d), d.sha256(), d.revision());
    }

    /** The lab's enrolment in the round; 404 when it is not enrolled (never applied, rejected or withdrawn). */
    private Enrolment ownEnrolment(MetroLimsUser lab, Round round) {
        return enrolments.own(round.id(), lab.organizationId())
                .filter(e -> e.status() == EnrolmentStatus.ENROLLED)
                .orElseThrow(() -> new PtNotFoundException("PT round", round.id()));
    }

    private static Round requireReported(Round round) {
        if (round.status() != RoundStatus.REPORTED) {
            throw new PtRuleException("NOT_REPORTED", null, "the report of round " + round.code()
                    + " is issued when its scores are published");
        }
        return round;
    }

    private static Round requireScored(Round round) {
        if (!round.status().scored() || round.summary() == null) {
            throw new PtRuleException("NOT_SCORED", null, "round " + round.code() + " is " + round.status()
                    + ": its report is produced once it is scored");
        }
        return round;
    }
}
