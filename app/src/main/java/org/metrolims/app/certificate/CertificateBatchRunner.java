package org.metrolims.app.certificate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs batch issues in the background, one at a time (rendering is CPU-bound), then e-mails each issued certificate
 * to its customer ({@link CertificateMailer}); on start it resumes any batch a crash or stop left RUNNING: its items
 * still PENDING are issued, those already issued are not.
 */
@Component
class CertificateBatchRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CertificateBatchRunner.class);

    private final CertificateBatches batches;
    private final CertificateSignatures signatures;
    private final CertificateMailer mailer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "certificate-batch");
        t.setDaemon(true);
        return t;
    });

    CertificateBatchRunner(CertificateBatches batches, CertificateSignatures signatures, CertificateMailer mailer) {
        this.batches = batches;
        this.signatures = signatures;
        this.mailer = mailer;
    }

    void submit(long batchId, CertificateSigner signer) {
        executor.submit(() -> {
            try {
                batches.run(batchId, signer);
            } catch (RuntimeException e) {
                log.error("certificate batch {} stopped; it resumes on the next start", batchId, e);
                return;
            }
            try {
                // then each certificate to its customer; a failed e-mail is recorded on its item, never un-issues
                mailer.mailBatch(batchId, signer.username());
            } catch (RuntimeException e) {
                log.error("certificate batch {}: e-mails stopped; the batch page sends the rest", batchId, e);
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (long id : batches.unfinished()) {
            log.info("resuming certificate batch {}", id);
            submit(id, signatures.requester(batches.requester(id)));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
