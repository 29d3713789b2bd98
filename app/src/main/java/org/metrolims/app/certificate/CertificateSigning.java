package org.metrolims.app.certificate;

import java.nio.charset.StandardCharsets;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ConfirmedSigner;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.db.identity.Meaning;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateRuleException;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing, amending and withdrawing a certificate, and starting a batch issue, are electronic signatures
 * (21 CFR 11.50): the signer re-enters the password, and the signature — meaning ISSUED or WITHDRAWN — is bound to
 * the certificate revision's number and the SHA-256 of its PDF as issued. The password is checked before anything
 * is read or rendered ({@link ElectronicSignatures#confirm}: a refused one, audited as SIGNATURE_REFUSED, costs no
 * PDF and counts towards the login throttle); the action and its signature are then one transaction.
 */
@Service
class CertificateSigning {

    static final String RECORD_TYPE = "certificate";
    static final String BATCH_RECORD_TYPE = "certificate-batch";

    private final Certificates certificates;
    private final CertificateBatches batches;
    private final CertificateSignatures signers;
    private final ElectronicSignatures signatures;
    private final TransactionTemplate transactions;

    CertificateSigning(Certificates certificates, CertificateBatches batches, CertificateSignatures signers,
            ElectronicSignatures signatures, PlatformTransactionManager transactions) {
        this.certificates = certificates;
        this.batches = batches;
        this.signers = signers;
        this.signatures = signatures;
        this.transactions = new TransactionTemplate(transactions);
    }

    CertificateSummary issue(MetroLimsUser user, String password, long calibrationId) {
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.ISSUED, RECORD_TYPE, null,
                "a certificate of calibration " + calibrationId);
        return transactions.execute(tx -> {
            CertificateSummary issued = certificates.issue(signers.signer(user), calibrationId);
            sign(signer, issued);
            return issued;
        });
    }

    CertificateSummary amend(MetroLimsUser user, String password, String number, String reason) {
        requireVisible(user, number);
        requireReason(reason, "an amendment states its reason");
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.ISSUED, RECORD_TYPE, number,
                "an amendment of certificate " + number);
        return transactions.execute(tx -> {
            CertificateSummary amended = certificates.amend(signers.signer(user), number, reason);
            sign(signer, amended);
            return amended;
        });
    }

    void withdraw(MetroLimsUser user, String password, String number, String reason) {
        requireVisible(user, number);
        requireReason(reason, "a withdrawal states its reason");
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.WITHDRAWN, RECORD_TYPE, number,
                "the withdrawal of certificate " + number);
        transactions.executeWithoutResult(tx -> {
            certificates.withdraw(signers.signer(user), number, reason);
            var withdrawn = certificates.pdf(CertificateViewers.of(user), number, null);
            signatures.sign(signer, RECORD_TYPE, recordId(withdrawn.number(), withdrawn.revision()),
                    content(withdrawn.number(), withdrawn.revision(), withdrawn.sha256()));
        });
    }

    /** Starts a batch; the one signature covers every certificate the batch issues for its requester. */
    CertificateBatch startBatch(MetroLimsUser user, String password) {
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.ISSUED, BATCH_RECORD_TYPE, null,
                "a certificate batch");
        return transactions.execute(tx -> {
            CertificateBatch batch = batches.start(signers.signer(user));
            signatures.sign(signer, BATCH_RECORD_TYPE, Long.toString(batch.id()),
                    ("certificate batch " + batch.id() + " of organization " + batch.organizationId())
                            .getBytes(StandardCharsets.UTF_8));
            return batch;
        });
    }

    /**
     * Starts a batch of the calibrations the signer selected; the one signature covers every certificate it issues.
     * A selection with another lab's calibration, or one that is not approved or already certified, is not found,
     * checked before the password is asked for (nothing is signed or started).
     */
    CertificateBatch startSelected(MetroLimsUser user, String password, java.util.List<Long> calibrationIds) {
        java.util.Set<Long> open = new java.util.HashSet<>(certificates.uncertified(user.organizationId(),
                CertificateBatches.MAX_ITEMS));
        if (!open.containsAll(calibrationIds)) {
            throw new org.metrolims.reports.certificate.CertificateNotFoundException(
                    "no approved calibration without a certificate among " + calibrationIds);
        }
        ConfirmedSigner signer = signatures.confirm(user, password, Meaning.ISSUED, BATCH_RECORD_TYPE, null,
                "a certificate batch of " + calibrationIds.size());
        return transactions.execute(tx -> {
            CertificateBatch batch = batches.start(signers.signer(user), calibrationIds);
            signatures.sign(signer, BATCH_RECORD_TYPE, Long.toString(batch.id()),
                    ("certificate batch " + batch.id() + " of organization " + batch.organizationId()
                            + ": calibrations " + calibrationIds).getBytes(StandardCharsets.UTF_8));
            return batch;
        });
    }

    /**
     * Another organization's certificate is not found, whatever the request lacks: checked first (a read of the
     * revisions' owners, nothing rendered), as for reads.
     */
    private void requireVisible(MetroLimsUser user, String number) {
        certificates.history(CertificateViewers.of(user), number);
    }

    /** What the request itself lacks is answered before the password is asked for (as the service would). */
    private static void requireReason(String reason, String message) {
        if (reason == null || reason.isBlank()) {
            throw new CertificateRuleException("REASON_REQUIRED", "reason", message);
        }
    }

    private void sign(ConfirmedSigner signer, CertificateSummary c) {
        var issued = certificates.pdf(CertificateViewers.of(signer.user()), c.number(), c.revision());
        signatures.sign(signer, RECORD_TYPE, recordId(c.number(), c.revision()),
                content(c.number(), c.revision(), issued.sha256()));
    }

    static String recordId(String number, int revision) {
        return number + "/" + revision;
    }

    /** What a certificate signature is bound to: the revision and the hash of its PDF as stored. */
    static byte[] content(String number, int revision, String sha256) {
        return (number + "\n" + revision + "\n" + sha256).getBytes(StandardCharsets.UTF_8);
    }
}
