package org.metrolims.reports.certificate;

import static org.metrolims.db.jooq.Tables.CALIBRATION;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates per second with the template compiled once, on 1 and 2 threads: (a) fill + export of content
 * already in memory, (b) the same with the calibration read from MariaDB and worded first (b / a is the cost of our
 * data access), and (c) the batch issue path end to end (read, render, hash, store the PDF, audit), from which a
 * 10,000-certificate batch is extrapolated. Run: {@code ./mvnw -B -pl reports -am -Pbench-certificates test-compile}.
 */
public final class CertificateBench {

    static final int CALIBRATIONS = 400;
    static final int RENDERS = 600;

    public static void main(String[] args) throws Exception {
        var template = new CertificateTemplate();
        var fx = new CertificateFixture(TestDatabase.newSchema(CertificateBench.class).dsl(), template);
        var drafts = new ArrayList<org.metrolims.calibration.record.CalibrationDraft>();
        for (int i = 0; i < CALIBRATIONS; i++) {
            drafts.add(fx.draft());
        }
        List<Long> ids = fx.records.ingest(fx.tech1, drafts);
        fx.dsl.update(CALIBRATION).set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.REVIEWER_ID, fx.tech2.userId())
                .set(CALIBRATION.SUBMITTED_AT, LocalDateTime.of(2026, 3, 3, 9, 0))
                .set(CALIBRATION.APPROVED_AT, LocalDateTime.of(2026, 3, 4, 9, 0))
                .where(CALIBRATION.ID.in(ids)).execute();
        var factsRepository = new CertificateFactsRepository(fx.dsl);
        var details = new IssueDetails("FJIM-2026-000001", 1, LocalDate.of(2026, 3, 5), "李工", "K7Q2-M9XP",
                "https://lims.example.org/verify/FJIM-2026-000001?code=K7Q2-M9XP", null, null);
        CertificateContent inMemory = CertificateWording.of(factsRepository.find(ids.getFirst()).orElseThrow(), details);

        // warm-up: JIT, font subsetting code paths, connection pool
        run(2, 400, i -> template.render(inMemory));
        run(1, 100, i -> template.render(CertificateWording.of(factsRepository.find(ids.get(i % ids.size())).orElseThrow(), details)));

        System.out.println();
        System.out.println("certificate rendering, template compiled once, 2 points per certificate, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        double[] memory = new double[3];
        double[] database = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            memory[threads] = run(threads, RENDERS, i -> template.render(inMemory));
            double memoryCpu = lastCpuMillisEach;
            database[threads] = run(threads, RENDERS,
                    i -> template.render(CertificateWording.of(factsRepository.find(ids.get(i % ids.size())).orElseThrow(), details)));
            double databaseCpu = lastCpuMillisEach;
            System.out.printf("  %d thread(s): in memory %6.1f /s (%5.1f ms CPU each)   from MariaDB %6.1f /s (%5.1f ms"
                    + " CPU each, + the server's)   wall-clock ratio %.2f%n", threads, memory[threads], memoryCpu,
                    database[threads], databaseCpu, memory[threads] / database[threads]);
            if (threads == 2) {
                System.out.printf("  on 2 otherwise idle cores the JVM's CPU cost allows %.0f /s in memory, %.0f /s"
                        + " from MariaDB (2000 ms / CPU ms each); load average now %.1f%n", 2000 / memoryCpu,
                        2000 / databaseCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }

        var batches = new CertificateBatches(fx.certificates, new CertificateBatchRepository(fx.dsl),
                new AuditTrail(fx.dsl), new TransactionTemplate(new CertificateBatchesTest.AutoCommit()));
        long started = System.nanoTime();
        CertificateBatch batch = batches.start(fx.signer);
        batches.run(batch.id(), fx.signer);
        double seconds = (System.nanoTime() - started) / 1e9;
        CertificateBatch done = batches.find(batch.id()).orElseThrow();
        double rate = done.issued() / seconds;
        System.out.printf("  batch issue (2 threads, read + render + SHA-256 + store PDF + audit): %d certificates in"
                + " %.1f s = %.1f /s; a 10,000 batch extrapolates to %.0f s%n", done.issued(), seconds, rate,
                10_000 / rate);
        System.exit(0);
    }

    /** CPU milliseconds per certificate in the last {@link #run}, summed over its worker threads. */
    static double lastCpuMillisEach;

    /**
     * Certificates per second (wall clock) of {@code n} calls spread over {@code threads} threads; also records the
     * CPU time each took, which does not depend on what else the machine runs.
     */
    static double run(int threads, int n, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long before = mx.getCurrentThreadCpuTime();
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    work.accept(i);
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - before);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        lastCpuMillisEach = cpu.get() / 1e6 / n;
        return n / ((System.nanoTime() - started) / 1e9);
    }
}
