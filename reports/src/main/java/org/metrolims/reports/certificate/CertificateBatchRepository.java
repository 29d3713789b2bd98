package org.metrolims.reports.certificate;

import static org.jooq.impl.DSL.count;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.CERTIFICATE_BATCH;
import static org.metrolims.db.jooq.Tables.CERTIFICATE_BATCH_ITEM;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Batch jobs and their items: the per-item state is what lets a crashed job resume without issuing twice. */
@Repository
class CertificateBatchRepository {

    private final DSLContext dsl;

    public CertificateBatchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long create(long organizationId, long requestedBy, Instant at, List<Long> calibrationIds) {
        long id = dsl.insertInto(CERTIFICATE_BATCH).set(CERTIFICATE_BATCH.ORGANIZATION_ID, organizationId)
                .set(CERTIFICATE_BATCH.REQUESTED_BY, requestedBy).set(CERTIFICATE_BATCH.REQUESTED_AT, at)
                .set(CERTIFICATE_BATCH.STATUS, "RUNNING").returningResult(CERTIFICATE_BATCH.ID).fetchOne(CERTIFICATE_BATCH.ID);
        for (int from = 0; from < calibrationIds.size(); from += 5_000) {
            var insert = dsl.insertInto(CERTIFICATE_BATCH_ITEM, CERTIFICATE_BATCH_ITEM.BATCH_ID,
                    CERTIFICATE_BATCH_ITEM.CALIBRATION_ID, CERTIFICATE_BATCH_ITEM.STATUS);
            for (long c : calibrationIds.subList(from, Math.min(calibrationIds.size(), from + 5_000))) {
                insert = insert.values(id, c, "PENDING");
            }
            insert.execute();
        }
        return id;
    }

    List<Long> pendingItems(long batchId, int limit) {
        return dsl.select(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID).from(CERTIFICATE_BATCH_ITEM)
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId)).and(CERTIFICATE_BATCH_ITEM.STATUS.eq("PENDING"))
                .orderBy(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID).limit(limit).fetch(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID);
    }

    void issued(long batchId, long calibrationId, long certificateId) {
        dsl.update(CERTIFICATE_BATCH_ITEM).set(CERTIFICATE_BATCH_ITEM.STATUS, "ISSUED")
                .set(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID, certificateId)
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId))
                .and(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID.eq(calibrationId)).execute();
    }

    /** Marks many items ISSUED with their certificates in one statement (calibration id to certificate id). */
    void issuedAll(long batchId, Map<Long, Long> certificates) {
        if (certificates.isEmpty()) {
            return;
        }
        dsl.update(CERTIFICATE_BATCH_ITEM).set(CERTIFICATE_BATCH_ITEM.STATUS, "ISSUED")
                .set(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID,
                        DSL.case_(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID).mapValues(certificates))
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId))
                .and(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID.in(certificates.keySet())).execute();
    }

    void failed(long batchId, long calibrationId, String error) {
        dsl.update(CERTIFICATE_BATCH_ITEM).set(CERTIFICATE_BATCH_ITEM.STATUS, "FAILED")
                .set(CERTIFICATE_BATCH_ITEM.ERROR, error.length() > 500 ? error.substring(0, 500) : error)
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId))
                .and(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID.eq(calibrationId)).execute();
    }

    void finish(long batchId, Instant at) {
        dsl.update(CERTIFICATE_BATCH).set(CERTIFICATE_BATCH.STATUS, "DONE")
                .set(CERTIFICATE_BATCH.FINISHED_AT, at).where(CERTIFICATE_BATCH.ID.eq(batchId)).execute();
    }

    /** The certificate already issued for a calibration (a crash between issue and item update), if any. */
    Optional<Long> certificateOf(long calibrationId) {
        return dsl.select(CERTIFICATE.ID).from(CERTIFICATE).where(CERTIFICATE.CALIBRATION_ID.eq(calibrationId))
                .orderBy(CERTIFICATE.REVISION).limit(1).fetchOptional(CERTIFICATE.ID);
    }

    /**
     * The certificates already issued for some calibrations (revision 1, by calibration id): one statement for a
     * whole slice of a batch instead of one per item.
     */
    Map<Long, Long> certificatesOf(Collection<Long> calibrationIds) {
        Map<Long, Long> out = new HashMap<>();
        if (!calibrationIds.isEmpty()) {
            var first = DSL.min(CERTIFICATE.ID);
            dsl.select(CERTIFICATE.CALIBRATION_ID, first).from(CERTIFICATE)
                    .where(CERTIFICATE.CALIBRATION_ID.in(calibrationIds))
                    .groupBy(CERTIFICATE.CALIBRATION_ID)
                    .forEach(r -> out.put(r.get(CERTIFICATE.CALIBRATION_ID), r.get(first)));
        }
        return out;
    }

    List<Long> running() {
        return dsl.select(CERTIFICATE_BATCH.ID).from(CERTIFICATE_BATCH).where(CERTIFICATE_BATCH.STATUS.eq("RUNNING"))
                .orderBy(CERTIFICATE_BATCH.ID).fetch(CERTIFICATE_BATCH.ID);
    }

    Optional<CertificateBatch> find(long batchId) {
        var issued = count().filterWhere(CERTIFICATE_BATCH_ITEM.STATUS.eq("ISSUED"));
        var failed = count().filterWhere(CERTIFICATE_BATCH_ITEM.STATUS.eq("FAILED"));
        var items = count(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID);
        return dsl.select(CERTIFICATE_BATCH.ID, CERTIFICATE_BATCH.ORGANIZATION_ID, CERTIFICATE_BATCH.STATUS,
                        CERTIFICATE_BATCH.REQUESTED_AT, CERTIFICATE_BATCH.FINISHED_AT, items,
                        issued, failed)
                .from(CERTIFICATE_BATCH)
                .leftJoin(CERTIFICATE_BATCH_ITEM).on(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(CERTIFICATE_BATCH.ID))
                .where(CERTIFICATE_BATCH.ID.eq(batchId))
                .groupBy(CERTIFICATE_BATCH.ID)
                .fetchOptional(r -> new CertificateBatch(r.get(CERTIFICATE_BATCH.ID),
                        r.get(CERTIFICATE_BATCH.ORGANIZATION_ID), r.get(CERTIFICATE_BATCH.STATUS),
                        r.get(CERTIFICATE_BATCH.REQUESTED_AT), r.get(CERTIFICATE_BATCH.FINISHED_AT), r.get(items),
                        r.get(issued), r.get(failed)));
    }

    /** A batch's items in calibration order, with their certificates, customers and e-mails. */
    List<CertificateBatchItem> items(long batchId) {
        return dsl.select(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID, CALIBRATION.CALIBRATION_NO,
                        CERTIFICATE_BATCH_ITEM.STATUS, CERTIFICATE_BATCH_ITEM.ERROR, CERTIFICATE.CERTIFICATE_NO,
                        CERTIFICATE.REVISION, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN, ORGANIZATION.CONTACT_EMAIL,
                        CERTIFICATE_BATCH_ITEM.MAIL_STATUS, CERTIFICATE_BATCH_ITEM.MAIL_TO,
                        CERTIFICATE_BATCH_ITEM.MAIL_ERROR, CERTIFICATE_BATCH_ITEM.MAILED_AT)
                .from(CERTIFICATE_BATCH_ITEM)
                .join(CALIBRATION).on(CALIBRATION.ID.eq(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(CALIBRATION.CUSTOMER_ORGANIZATION_ID))
                .leftJoin(CERTIFICATE).on(CERTIFICATE.ID.eq(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID))
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId))
                .orderBy(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID)
                .fetch(r -> new CertificateBatchItem(r.get(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID),
                        r.get(CALIBRATION.CALIBRATION_NO), r.get(CERTIFICATE_BATCH_ITEM.STATUS),
                        r.get(CERTIFICATE_BATCH_ITEM.ERROR), r.get(CERTIFICATE.CERTIFICATE_NO),
                        r.get(CERTIFICATE.REVISION), r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN),
                        r.get(ORGANIZATION.CONTACT_EMAIL), r.get(CERTIFICATE_BATCH_ITEM.MAIL_STATUS),
                        r.get(CERTIFICATE_BATCH_ITEM.MAIL_TO), r.get(CERTIFICATE_BATCH_ITEM.MAIL_ERROR),
                        r.get(CERTIFICATE_BATCH_ITEM.MAILED_AT)));
    }

    /** What became of an item's e-mail (the last attempt). */
    void mailed(long batchId, long calibrationId, String status, String to, String error, Instant at) {
        dsl.update(CERTIFICATE_BATCH_ITEM).set(CERTIFICATE_BATCH_ITEM.MAIL_STATUS, status)
                .set(CERTIFICATE_BATCH_ITEM.MAIL_TO, to)
                .set(CERTIFICATE_BATCH_ITEM.MAIL_ERROR, error == null || error.length() <= 500 ? error
                        : error.substring(0, 500))
                .set(CERTIFICATE_BATCH_ITEM.MAILED_AT, at)
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batchId))
                .and(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID.eq(calibrationId)).execute();
    }

    /** The requester of a batch: the batch signs in their name. */
    long requestedBy(long batchId) {
        return dsl.select(CERTIFICATE_BATCH.REQUESTED_BY).from(CERTIFICATE_BATCH)
                .where(CERTIFICATE_BATCH.ID.eq(batchId)).fetchSingle(CERTIFICATE_BATCH.REQUESTED_BY);
    }
}
