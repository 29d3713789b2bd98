package org.metrolims.db.identity;

import static org.metrolims.db.jooq.Tables.ELECTRONIC_SIGNATURE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The electronic signatures (electronic_signature): written once, never changed. */
@Repository
class SignatureRepository {

    private final DSLContext dsl;

    SignatureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Signature insert(long signerId, String username, String name, Meaning meaning, String recordType,
            String recordId, String sha256, Instant at) {
        long id = dsl.insertInto(ELECTRONIC_SIGNATURE)
                .set(ELECTRONIC_SIGNATURE.SIGNER_ID, signerId)
                .set(ELECTRONIC_SIGNATURE.SIGNER_USERNAME, username)
                .set(ELECTRONIC_SIGNATURE.SIGNER_NAME, name)
                .set(ELECTRONIC_SIGNATURE.MEANING, meaning.name())
                .set(ELECTRONIC_SIGNATURE.RECORD_TYPE, recordType)
                .set(ELECTRONIC_SIGNATURE.RECORD_ID, recordId)
                .set(ELECTRONIC_SIGNATURE.CONTENT_SHA256, sha256)
                .set(ELECTRONIC_SIGNATURE.SIGNED_AT, at)
                .returningResult(ELECTRONIC_SIGNATURE.ID).fetchSingle(ELECTRONIC_SIGNATURE.ID);
        return new Signature(id, signerId, username, name, meaning, recordType, recordId, sha256, at);
    }

    List<Signature> forRecord(String recordType, String recordId) {
        return dsl.selectFrom(ELECTRONIC_SIGNATURE)
                .where(ELECTRONIC_SIGNATURE.RECORD_TYPE.eq(recordType).and(ELECTRONIC_SIGNATURE.RECORD_ID.eq(recordId)))
                .orderBy(ELECTRONIC_SIGNATURE.SIGNED_AT, ELECTRONIC_SIGNATURE.ID)
                .fetch(SignatureRepository::toSignature);
    }

    /** The latest signature of a record with the meaning, if it was signed so. */
    Optional<Signature> latest(String recordType, String recordId, Meaning meaning) {
        return dsl.selectFrom(ELECTRONIC_SIGNATURE)
                .where(ELECTRONIC_SIGNATURE.RECORD_TYPE.eq(recordType).and(ELECTRONIC_SIGNATURE.RECORD_ID.eq(recordId))
                        .and(ELECTRONIC_SIGNATURE.MEANING.eq(meaning.name())))
                .orderBy(ELECTRONIC_SIGNATURE.SIGNED_AT.desc(), ELECTRONIC_SIGNATURE.ID.desc()).limit(1)
                .fetchOptional(SignatureRepository::toSignature);
    }

    private static Signature toSignature(Record r) {
        return new Signature(r.get(ELECTRONIC_SIGNATURE.ID), r.get(ELECTRONIC_SIGNATURE.SIGNER_ID),
                r.get(ELECTRONIC_SIGNATURE.SIGNER_USERNAME), r.get(ELECTRONIC_SIGNATURE.SIGNER_NAME),
                Meaning.valueOf(r.get(ELECTRONIC_SIGNATURE.MEANING)), r.get(ELECTRONIC_SIGNATURE.RECORD_TYPE),
                r.get(ELECTRONIC_SIGNATURE.RECORD_ID), r.get(ELECTRONIC_SIGNATURE.CONTENT_SHA256),
                r.get(ELECTRONIC_SIGNATURE.SIGNED_AT));
    }
}
