package org.metrolims.reports.certificate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch issue: every approved, not yet certified calibration of a lab, issued in the background (two at a time) under
 * the requester's signature (given once, for the whole batch, when the batch is started). Each item commits with
 * its certificate, so a job that dies half-way is resumed by {@link #run} from its PENDING items; an item whose
 * certificate was committed just before a crash is recognised by the calibration's certificate and never issued
 * twice (the unique key on calibration and revision backs this up).
 */
@Service
public class CertificateBatches {

    /** The largest batch one request may start. */
    public static final int MAX_ITEMS = 20_000;
    /** Items issued at once: the two cores a small installation has. */
    static final int THREADS = 2;
    /** Certificates issued per transaction in a batch. */
    static final int GROUP = 10;

    private final Certificates certificates;
    private final CertificateBatchRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    public CertificateBatches(Certificates certificates, CertificateBatchRepository repository, AuditTrail audit,
            TransactionTemplate tx) {
        this(certificates, repository, audit, tx, Clock.systemUTC());
    }

    public CertificateBatches(Certificates certificates, CertificateBatchRepository repository, AuditTrail audit,
            TransactionTemplate tx, Clock clock) {
        this.certificates = certificates;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records a batch of the signer's lab's uncertified approved calibrations; {@link #run} then issues them. */
    public CertificateBatch start(CertificateSigner signer) {
        if (!signer.technician()) {
            throw new Forbidden("only a technician of the lab starts a batch issue");
        }
        long id = tx.execute(s -> {
            List<Long> items = certificates.uncertified(signer.organizationId(), MAX_ITEMS);
            long batch = repository.create(signer.organizationId(), signer.userId(), clock.instant(), items);
            audit.record(new AuditEntry(signer.username(), "BATCH_START", "certificate_batch", Long.toString(batch),
                    null, AuditJson.object(java.util.Map.of("items", items.size(), "meaning",
                            Certificates.MEANING_ISSUED)), null, null));
            return batch;
        });
        return find(id).orElseThrow();
    }

    /**
     * Records a batch of the calibrations the signer selected, each of which must be an approved calibration of the
     * signer's lab with no certificate yet: anything else — another lab's, a draft, one certified meanwhile — is
     * not found, and nothing is started. {@link #run} then issues them.
     */
    public CertificateBatch start(CertificateSigner signer, List<Long> calibrationIds) {
        if (!signer.technician()) {
            throw new Forbidden("only a technician of the lab starts a batch issue");
        }
        List<Long> selected = calibrationIds.stream().distinct().toList();
        if (selected.isEmpty() || selected.size() > MAX_ITEMS) {
            throw new CertificateRuleException("SELECTION", "calibrationIds", "select between 1 and " + MAX_ITEMS
                    + " calibrations");
        }
        long id = tx.execute(s -> {
            java.util.Set<Long> open = new java.util.HashSet<>(certificates.uncertified(signer.organizationId(),
                    MAX_ITEMS));
            List<Long> unknown = selected.stream().filter(c -> !open.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw new CertificateNotFoundException("no approved calibration without a certificate: " + unknown);
            }
            long batch = repository.create(signer.organizationId(), signer.userId(), clock.instant(), selected);
            audit.record(new AuditEntry(signer.username(), "BATCH_START", "certificate_batch", Long.toString(batch),
                    null, AuditJson.object(java.util.Map.of("items", selected.size(), "selected", true, "meaning",
                            Certificates.MEANING_ISSUED)), null, null));
            return batch;
        });
        return find(id).orElseThrow();
    }

    /** A batch's items with their certificates and e-mails, in calibration order. */
    public List<CertificateBatchItem> items(long batchId) {
        return tx.execute(s -> repository.items(batchId));
    }

    /**
     * Records what became of an item's e-mail to its customer (audited as MAIL on the certificate). The certificate
     * itself is never touched: a failed e-mail leaves it issued.
     */
    public void recordMail(long batchId, CertificateBatchItem item, String status, String to, String error,
            String actor) {
        tx.executeWithoutResult(s -> {
            repository.mailed(batchId, item.calibrationId(), status, to, error, clock.instant());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("mail", status);
            after.put("to", to == null ? "" : to);
            after.put("batch", batchId);
            if (error != null) {
                after.put("error", error.length() > 300 ? error.substring(0, 300) : error);
            }
            audit.record(new AuditEntry(actor, "MAIL", Certificates.ENTITY, item.certificateNo() + "/"
                    + item.revision(), null, AuditJson.object(after), null, null));
        });
    }

    /**
     * Issues the batch's pending items on {@link #THREADS} threads (rendering is CPU-bound; items are independent),
     * {@link #GROUP} items per transaction, then marks the batch done. Safe to call again.
     */
    public void run(long batchId, CertificateSigner signer) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "certificate-batch-" + batchId);
            t.setDaemon(true);
            return t;
        });
        ChainMemo chains = ChainMemo.forOneRun();
        try {
            List<Long> pending;
            while (!(pending = repository.pendingItems(batchId, 200)).isEmpty()) {
                // what a crash left certified but still PENDING, for the whole slice in one statement
                Map<Long, Long> certified = repository.certificatesOf(pending);
                List<Future<?>> running = new ArrayList<>();
                for (int from = 0; from < pending.size(); from += GROUP) {
                    List<Long> group = pending.subList(from, Math.min(pending.size(), from + GROUP));
                    running.add(pool.submit(() -> issueGroup(batchId, group, certified, signer, chains)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch " + batchId + " interrupted; it resumes from its pending items", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch " + batchId + " stopped", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        tx.executeWithoutResult(s -> repository.finish(batchId, clock.instant()));
    }

    /**
     * Issues a group of items in one transaction (one commit, and so one log flush, for the group rather than for
     * each certificate), then marks them ISSUED in one statement; an item already certified (by a run that crashed
     * after its commit) is only marked. When any item fails, the group is rolled back whole and its items are issued
     * one by one, so the others still go through and the failing one is recorded as failed. Numbers come from the
     * calibration, so a rolled-back group leaves no gap.
     */
    private void issueGroup(long batchId, List<Long> group, Map<Long, Long> certified, CertificateSigner signer,
            ChainMemo chains) {
        try {
            tx.executeWithoutResult(s -> {
                Map<Long, Long> issued = new LinkedHashMap<>();
                for (long id : group) {
                    Long known = certified.get(id);
                    issued.put(id, known != null ? known : certificates.issue(signer, id, chains).id());
                }
                repository.issuedAll(batchId, issued);
            });
        } catch (RuntimeException e) {
            group.forEach(id -> issueItem(batchId, id, signer, chains));
        }
    }

    private void issueInTransaction(long batchId, long calibrationId, CertificateSigner signer, ChainMemo chains) {
        long certificateId = repository.certificateOf(calibrationId)
                .orElseGet(() -> certificates.issue(signer, calibrationId, chains).id());
        repository.issued(batchId, calibrationId, certificateId);
    }

    private void issueItem(long batchId, long calibrationId, CertificateSigner signer, ChainMemo chains) {
        try {
            tx.executeWithoutResult(s -> issueInTransaction(batchId, calibrationId, signer, chains));
        } catch (RuntimeException e) {
            tx.executeWithoutResult(s -> repository.failed(batchId, calibrationId,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    public Optional<CertificateBatch> find(long batchId) {
        return repository.find(batchId);
    }

    /** Batches left RUNNING (by a crash or a stop), to resume on start. */
    public List<Long> unfinished() {
        return repository.running();
    }

    /** Who started a batch: a resumed batch signs in their name. */
    public long requester(long batchId) {
        return repository.requestedBy(batchId);
    }
}
