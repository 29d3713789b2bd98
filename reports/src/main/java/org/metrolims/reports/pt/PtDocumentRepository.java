package org.metrolims.reports.pt;

import static org.metrolims.db.jooq.Tables.PT_DOCUMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.metrolims.db.jooq.Tables.PT_SCHEME;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The PT documents as issued (pt_document): bytes, SHA-256 and revisions, never updated but for superseding. */
@Repository
class PtDocumentRepository {

    record NewDocument(long roundId, PtDocumentKind kind, Long organizationId, String labCode, int revision,
            Long supersedesId, String reason, Instant issuedAt, long issuedBy, byte[] pdf, String sha256) {
    }

    private final DSLContext dsl;

    PtDocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(NewDocument d) {
        return dsl.insertInto(PT_DOCUMENT)
                .set(PT_DOCUMENT.ROUND_ID, d.roundId())
                .set(PT_DOCUMENT.KIND, d.kind().name())
                .set(PT_DOCUMENT.ORGANIZATION_ID, d.organizationId())
                .set(PT_DOCUMENT.LAB_CODE, d.labCode())
                .set(PT_DOCUMENT.REVISION, d.revision())
                .set(PT_DOCUMENT.STATUS, "VALID")
                .set(PT_DOCUMENT.SUPERSEDES_ID, d.supersedesId())
                .set(PT_DOCUMENT.REASON, d.reason())
                .set(PT_DOCUMENT.ISSUED_AT, d.issuedAt())
                .set(PT_DOCUMENT.ISSUED_BY, d.issuedBy())
                .set(PT_DOCUMENT.PDF, d.pdf())
                .set(PT_DOCUMENT.SHA256, d.sha256())
                .returningResult(PT_DOCUMENT.ID).fetchOne(PT_DOCUMENT.ID);
    }

    /** Marks a valid revision superseded; false when it was no longer the valid one. */
    boolean supersede(long id) {
        return dsl.update(PT_DOCUMENT).set(PT_DOCUMENT.STATUS, "SUPERSEDED")
                .where(PT_DOCUMENT.ID.eq(id).and(PT_DOCUMENT.STATUS.eq("VALID"))).execute() == 1;
    }

    /** Takes the round's row lock, so that two first requests of a round's documents issue them once. */
    void lockRound(long roundId) {
        dsl.select(PT_ROUND.ID).from(PT_ROUND).where(PT_ROUND.ID.eq(roundId)).forUpdate().fetch();
    }

    boolean anyOfRound(long roundId) {
        return dsl.fetchExists(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(roundId));
    }

    /** The valid revision of each document of a round: the report first, then the letters by lab code. */
    List<PtDocument> valid(long roundId) {
        return select(PT_DOCUMENT.ROUND_ID.eq(roundId).and(PT_DOCUMENT.STATUS.eq("VALID")))
                .orderBy(PT_DOCUMENT.KIND.desc(), PT_DOCUMENT.LAB_CODE).fetch(PtDocumentRepository::stored);
    }

    /** Every revision of every document of a round, oldest first. */
    List<PtDocument> all(long roundId) {
        return select(PT_DOCUMENT.ROUND_ID.eq(roundId)).orderBy(PT_DOCUMENT.ID).fetch(PtDocumentRepository::stored);
    }

    Optional<PtDocument> validReport(long roundId) {
        return select(PT_DOCUMENT.ROUND_ID.eq(roundId).and(PT_DOCUMENT.KIND.eq(PtDocumentKind.REPORT.name()))
                .and(PT_DOCUMENT.STATUS.eq("VALID"))).fetchOptional(PtDocumentRepository::stored);
    }

    Optional<PtDocument> validLetter(long roundId, String labCode) {
        return select(PT_DOCUMENT.ROUND_ID.eq(roundId).and(PT_DOCUMENT.KIND.eq(PtDocumentKind.LETTER.name()))
                .and(PT_DOCUMENT.LAB_CODE.eq(labCode)).and(PT_DOCUMENT.STATUS.eq("VALID")))
                .fetchOptional(PtDocumentRepository::stored);
    }

    /** One revision of the report ({@code labCode} null) or of a lab's letter, whatever its status. */
    Optional<PtDocument> revision(long roundId, PtDocumentKind kind, String labCode, int revision) {
        Condition where = PT_DOCUMENT.ROUND_ID.eq(roundId).and(PT_DOCUMENT.KIND.eq(kind.name()))
                .and(PT_DOCUMENT.REVISION.eq(revision));
        where = labCode == null ? where.and(PT_DOCUMENT.LAB_CODE.isNull()) : where.and(PT_DOCUMENT.LAB_CODE.eq(labCode));
        return select(where).fetchOptional(PtDocumentRepository::stored);
    }

    /**
     * A lab's valid letters, newest issue first: of one scheme when {@code schemeCode} is set, issued on or after
     * {@code from} and before {@code toExclusive} (UTC instants) when set; at most {@code limit}.
     */
    List<PtDocument> lettersOf(long organizationId, String schemeCode, Instant from, Instant toExclusive, int limit) {
        Condition where = PT_DOCUMENT.ORGANIZATION_ID.eq(organizationId)
                .and(PT_DOCUMENT.KIND.eq(PtDocumentKind.LETTER.name())).and(PT_DOCUMENT.STATUS.eq("VALID"));
        if (schemeCode != null) {
            where = where.and(PT_SCHEME.CODE.eq(schemeCode));
        }
        if (from != null) {
            where = where.and(PT_DOCUMENT.ISSUED_AT.ge(from));
        }
        if (toExclusive != null) {
            where = where.and(PT_DOCUMENT.ISSUED_AT.lt(toExclusive));
        }
        return select(where).orderBy(PT_DOCUMENT.ISSUED_AT.desc(), PT_DOCUMENT.ID.desc()).limit(limit)
                .fetch(PtDocumentRepository::stored);
    }

    byte[] pdf(long id) {
        return dsl.select(PT_DOCUMENT.PDF).from(PT_DOCUMENT).where(PT_DOCUMENT.ID.eq(id)).fetchSingle(PT_DOCUMENT.PDF);
    }

    private org.jooq.SelectConditionStep<Record> select(Condition where) {
        return dsl.select(List.of(PT_DOCUMENT.ID, PT_DOCUMENT.ROUND_ID, PT_ROUND.CODE, PT_SCHEME.CODE, PT_DOCUMENT.KIND,
                        PT_DOCUMENT.ORGANIZATION_ID, PT_DOCUMENT.LAB_CODE, PT_DOCUMENT.REVISION, PT_DOCUMENT.STATUS,
                        PT_DOCUMENT.ISSUED_AT, PT_DOCUMENT.SHA256))
                .from(PT_DOCUMENT)
                .join(PT_ROUND).on(PT_ROUND.ID.eq(PT_DOCUMENT.ROUND_ID))
                .join(PT_SCHEME).on(PT_SCHEME.ID.eq(PT_ROUND.SCHEME_ID))
                .where(where);
    }

    private static PtDocument stored(Record r) {
        return new PtDocument(r.get(PT_DOCUMENT.ID), r.get(PT_DOCUMENT.ROUND_ID), r.get(PT_ROUND.CODE),
                r.get(PT_SCHEME.CODE), PtDocumentKind.valueOf(r.get(PT_DOCUMENT.KIND)),
                r.get(PT_DOCUMENT.ORGANIZATION_ID), r.get(PT_DOCUMENT.LAB_CODE), r.get(PT_DOCUMENT.REVISION),
                r.get(PT_DOCUMENT.STATUS), r.get(PT_DOCUMENT.ISSUED_AT),
                r.get(PT_DOCUMENT.SHA256));
    }
}
