package org.metrolims.app.certificate;

import java.nio.charset.StandardCharsets;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.app.signature.Meaning;
import org.metrolims.reports.certificate.CertificateBatch;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateSummary;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, amending and withdrawing a certificate, and starting a batch issue, are electronic signatures
 * (21 CFR 11.50): the signer re-enters the password, and the signature — meaning ISSUED or WITHDRAWN — is bound to
 * the certificate revision's number and the SHA-256 of its PDF as issued. The action and its signature are one
 * transaction: a refused signature (wrong password, audited as SIGNATURE_REFUSED) leaves nothing issued.
 */
@Service
class CertificateSigning {

    static final String RECORD_TYPE = "certificate";
    static final String BATCH_RECORD_TYPE = "certificate-batch";

    private final Certificates certificates;
    private final CertificateBatches batches;
    private final CertificateSignatures signers;
    private final ElectronicSignatures signatures;

    CertificateSigning(Certificates certificates, CertificateBatches batches, CertificateSignatures signers,
            ElectronicSignatures signatures) {
        this.certificates = certificates;
        this.batches = batches;
        this.signers = signers;
        this.signatures = signatures;
    }

    @Transactional
    CertificateSummary issue(MetroLimsUser user, String password, long calibrationId) {
        CertificateSummary issued = certificates.issue(signers.signer(user), calibrationId);
        sign(user, password, Meaning.ISSUED, issued);
        return issued;
    }

    @Transactional
    CertificateSummary amend(MetroLimsUser user, String password, String number, String reason) {
        CertificateSummary amended = certificates.amend(signers.signer(user), number, reason);
        sign(user, password, Meaning.ISSUED, amended);
        return amended;
    }

    @Transactional
    void withdraw(MetroLimsUser user, String password, String number, String reason) {
        certificates.withdraw(signers.signer(user), number, reason);
        var withdrawn = certificates.pdf(CertificateViewers.of(user), number, null);
        signatures.sign(user, password, Meaning.WITHDRAWN, RECORD_TYPE, recordId(withdrawn.number(),
                withdrawn.revision()), content(withdrawn.number(), withdrawn.revision(), withdrawn.sha256()));
    }

    /** Starts a batch; the one signature covers every certificate the batch issues for its requester. */
    @Transactional
    CertificateBatch startBatch(MetroLimsUser user, String password) {
        CertificateBatch batch = batches.start(signers.signer(user));
        signatures.sign(user, password, Meaning.ISSUED, BATCH_RECORD_TYPE, Long.toString(batch.id()),
                ("certificate batch " + batch.id() + " of organization " + batch.organizationId())
                        .getBytes(StandardCharsets.UTF_8));
        return batch;
    }

    private void sign(MetroLimsUser user, String password, Meaning meaning, CertificateSummary c) {
        var issued = certificates.pdf(CertificateViewers.of(user), c.number(), c.revision());
        signatures.sign(user, password, meaning, RECORD_TYPE, recordId(c.number(), c.revision()),
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
