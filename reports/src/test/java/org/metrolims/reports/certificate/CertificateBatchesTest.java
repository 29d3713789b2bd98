package org.metrolims.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.CERTIFICATE_BATCH_ITEM;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class CertificateBatchesTest {

    static CertificateTemplate template;
    CertificateFixture fx;
    CertificateBatches batches;

    @BeforeAll
    static void compileOnce() {
        template = new CertificateTemplate();
    }

    @BeforeEach
    void province() {
        fx = new CertificateFixture(TestDatabase.newSchema(CertificateBatchesTest.class).dsl(), template);
        batches = new CertificateBatches(fx.certificates, new CertificateBatchRepository(fx.dsl),
                new AuditTrail(fx.dsl), new TransactionTemplate(new AutoCommit()));
    }

    @Test
    void issuesEveryApprovedUncertifiedCalibrationOfTheLab() {
        fx.approvedCalibration();
        fx.approvedCalibration();
        fx.draftCalibration();

        CertificateBatch batch = batches.start(fx.signer);
        assertThat(batch.total()).isEqualTo(2);
        batches.run(batch.id(), fx.signer);

        CertificateBatch done = batches.find(batch.id()).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.issued()).isEqualTo(2);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(fx.dsl.fetchCount(CERTIFICATE)).isEqualTo(2);
    }

    @Test
    void aResumedBatchNeverIssuesTwice() {
        long first = fx.approvedCalibration();
        fx.approvedCalibration();
        fx.approvedCalibration();
        CertificateBatch batch = batches.start(fx.signer);
        // the job died right after committing the first certificate, before marking its item
        long issuedBeforeTheCrash = fx.certificates.issue(fx.signer, first).id();

        batches.run(batch.id(), fx.signer);
        batches.run(batch.id(), fx.signer);

        assertThat(fx.dsl.fetchCount(CERTIFICATE)).isEqualTo(3);
        assertThat(fx.dsl.fetchCount(CERTIFICATE_BATCH_ITEM, CERTIFICATE_BATCH_ITEM.STATUS.eq("ISSUED"))).isEqualTo(3);
        assertThat(fx.dsl.select(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID).from(CERTIFICATE_BATCH_ITEM)
                .where(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID.eq(first)).fetchSingle(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID))
                .isEqualTo(issuedBeforeTheCrash);
        assertThat(batches.unfinished()).isEmpty();
    }

    @Test
    void everyIssuedItemNamesTheCertificateOfItsOwnCalibration() {
        for (int i = 0; i < CertificateBatches.GROUP + 3; i++) {
            fx.approvedCalibration();
        }
        CertificateBatch batch = batches.start(fx.signer);

        batches.run(batch.id(), fx.signer);

        var items = fx.dsl.select(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID, CERTIFICATE.CALIBRATION_ID)
                .from(CERTIFICATE_BATCH_ITEM)
                .join(CERTIFICATE).on(CERTIFICATE.ID.eq(CERTIFICATE_BATCH_ITEM.CERTIFICATE_ID))
                .where(CERTIFICATE_BATCH_ITEM.BATCH_ID.eq(batch.id()))
                .fetch();
        assertThat(items).hasSize(CertificateBatches.GROUP + 3);
        assertThat(items).allSatisfy(r -> assertThat(r.get(CERTIFICATE.CALIBRATION_ID))
                .isEqualTo(r.get(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID)));
    }

    @Test
    void anItemThatCannotBeIssuedIsRecordedAsFailedAndTheRestOfItsGroupIsStillIssued() {
        long[] ids = new long[CertificateBatches.GROUP + 2];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = fx.approvedCalibration();
        }
        CertificateBatch batch = batches.start(fx.signer);
        // between start and run the third calibration stops being approved (say, withdrawn for correction)
        fx.dsl.update(org.metrolims.db.jooq.Tables.CALIBRATION)
                .set(org.metrolims.db.jooq.Tables.CALIBRATION.STATUS, "WITHDRAWN")
                .where(org.metrolims.db.jooq.Tables.CALIBRATION.ID.eq(ids[2])).execute();

        batches.run(batch.id(), fx.signer);

        assertThat(fx.dsl.fetchCount(CERTIFICATE)).isEqualTo(ids.length - 1);
        assertThat(fx.dsl.fetchCount(CERTIFICATE_BATCH_ITEM, CERTIFICATE_BATCH_ITEM.STATUS.eq("ISSUED")))
                .isEqualTo(ids.length - 1);
        assertThat(fx.dsl.select(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID).from(CERTIFICATE_BATCH_ITEM)
                .where(CERTIFICATE_BATCH_ITEM.STATUS.eq("FAILED")).fetch(CERTIFICATE_BATCH_ITEM.CALIBRATION_ID)).containsExactly(ids[2]);
        assertThat(batches.find(batch.id()).orElseThrow().status()).isEqualTo("DONE");
    }

    /** Each statement commits on its own connection (the test schema's DSLContext): enough to exercise the flow. */
    static final class AutoCommit extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
