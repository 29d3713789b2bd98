package org.metrolims.reports.certificate;

import static org.metrolims.db.jooq.Tables.CALIBRATION;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.metrolims.db.MariaDbSession;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates per second with the template compiled once, on 1 and 2 threads: (a) fill + export of content
 * already in memory, (b) the same with the calibration read from MariaDB and worded first (b / a is the cost of our
 * data access), and (c) a 10,000-certificate batch through the issue path end to end (read, render, hash, store the
 * PDF, audit), timed whole. Before those, where one certificate's time goes, phase by phase, on one
 * thread. The database is reached as the application reaches it: a Hikari pool whose connections run
 * {@link MariaDbSession#INIT_SQL}, jOOQ on a transaction-aware proxy of it, and Spring's
 * {@link DataSourceTransactionManager} for the batch's transactions.
 * Run: {@code ./mvnw -B -ntp -pl reports -am -Pbench-certificates test-compile}.
 */
public final class CertificateBench {

    /** Certificates of a first, unmeasured batch that warms up the issue path (INSERT of the PDF, audit, commit). */
    static final int WARM_UP_BATCH = 200;
    /** The measured batch: the issue's 10,000 certificates, timed whole rather than extrapolated. */
    static final int BATCH = 10_000;
    static final int CALIBRATIONS = WARM_UP_BATCH + BATCH;
    static final int RENDERS = 600;
    static final int PHASE_SAMPLES = 200;

    public static void main(String[] args) throws Exception {
        var schema = TestDatabase.newSchema(CertificateBench.class);
        findServer();
        var config = new HikariConfig();
        config.setJdbcUrl(schema.url());
        config.setUsername(schema.username());
        config.setPassword(schema.password());
        config.setConnectionInitSql(MariaDbSession.INIT_SQL);
        config.setMaximumPoolSize(10); // Spring Boot's default
        try (HikariDataSource pool = new HikariDataSource(config)) {
            bench(pool, schema);
        }
        System.exit(0);
    }

    static void bench(HikariDataSource pool, TestDatabase.TestSchema schema) throws Exception {
        LongAdder statements = new LongAdder();
        DSLContext dsl = DSL.using(new DefaultConfiguration()
                .set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(pool)))
                .set(SQLDialect.MARIADB)
                .set(MariaDbSession.jooqSettings())
                .set(new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        statements.increment();
                    }
                }));
        var tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        var template = new CertificateTemplate();
        var fx = new CertificateFixture(dsl, template);
        var drafts = new ArrayList<org.metrolims.calibration.record.CalibrationDraft>();
        for (int i = 0; i < CALIBRATIONS; i++) {
            drafts.add(fx.draft());
        }
        List<Long> ids = fx.records.ingest(fx.tech1, drafts);
        approve(fx, ids.subList(0, WARM_UP_BATCH));
        var factsRepository = CertificateFixture.facts(fx.dsl);
        var details = new IssueDetails("FJIM-2026-000001", 1, LocalDate.of(2026, 3, 5), "李工", "K7Q2-M9XP",
                "https://lims.example.org/verify/FJIM-2026-000001?code=K7Q2-M9XP", null, null);
        CertificateContent inMemory = CertificateWording.of(factsRepository.find(ids.getFirst()).orElseThrow(), details);

        // warm-up: JIT, font subsetting code paths, connection pool
        run(2, 800, i -> template.render(inMemory));
        run(2, 200, i -> template.render(CertificateWording.of(factsRepository.find(ids.get(i % ids.size())).orElseThrow(), details)));

        System.out.println();
        System.out.println("certificate rendering, template compiled once, 2 points per certificate, "
                + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        phases(fx, factsRepository, template, details, ids, statements, tx);

        double[] memory = new double[3];
        double[] database = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            memory[threads] = run(threads, RENDERS, i -> template.render(inMemory));
            double memoryCpu = lastCpuMillisEach;
            database[threads] = run(threads, RENDERS,
                    i -> template.render(CertificateWording.of(factsRepository.find(ids.get(i % ids.size())).orElseThrow(), details)));
            double databaseCpu = lastCpuMillisEach;
            double serverCpu = lastServerCpuMillisEach;
            System.out.printf("  %d thread(s): in memory %6.1f /s (%5.1f ms CPU each)   from MariaDB %6.1f /s (%5.1f ms"
                    + " CPU each + %4.1f ms of the server's)   wall-clock ratio %.2f%n", threads, memory[threads],
                    memoryCpu, database[threads], databaseCpu, serverCpu, memory[threads] / database[threads]);
            if (threads == 2) {
                System.out.printf("  on 2 otherwise idle cores the CPU cost allows %.0f /s in memory, %.0f /s from"
                        + " MariaDB (2000 ms / CPU ms each, JVM + server; ratio %.2f); load average now %.1f%n",
                        2000 / memoryCpu, 2000 / (databaseCpu + serverCpu), (databaseCpu + serverCpu) / memoryCpu,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }

        // what this bench measured before it used a pool: a new connection (TCP, handshake, session variables) for
        // every statement, which the application never does
        var unpooled = CertificateFixture.facts(schema.dsl());
        double perStatementConnection = run(2, RENDERS / 2,
                i -> template.render(CertificateWording.of(unpooled.find(ids.get(i % ids.size())).orElseThrow(), details)));
        System.out.printf("  (2 threads from MariaDB with a new connection per statement, as this bench did before:"
                + " %.1f /s)%n", perStatementConnection);

        var batches = new CertificateBatches(fx.certificates, new CertificateBatchRepository(fx.dsl),
                new AuditTrail(fx.dsl), tx);
        batches.run(batches.start(fx.signer).id(), fx.signer); // warm-up
        approve(fx, ids.subList(WARM_UP_BATCH, ids.size()));
        long before = statements.sum();
        double serverBefore = serverCpuNow();
        long processCpuBefore = processCpuNanos();
        long started = System.nanoTime();
        CertificateBatch batch = batches.start(fx.signer);
        batches.run(batch.id(), fx.signer);
        double seconds = (System.nanoTime() - started) / 1e9;
        CertificateBatch done = batches.find(batch.id()).orElseThrow();
        double rate = done.issued() / seconds;
        double jvmEach = (processCpuNanos() - processCpuBefore) / 1e6 / done.issued();
        double serverEach = (serverCpuNow() - serverBefore) / done.issued();
        System.out.printf("  batch CPU per certificate: %.1f ms of this JVM (all threads, GC included) + %.1f ms of the"
                + " server's: on 2 otherwise idle cores about %.0f /s, a 10,000 batch in about %.0f s%n", jvmEach,
                serverEach, 2000 / (jvmEach + serverEach), 10_000 / (2000 / (jvmEach + serverEach)));
        System.out.printf("  batch issue (2 threads, read + render + SHA-256 + store PDF + audit, %d per transaction):"
                + " %d certificates in %.1f s = %.1f /s, %.1f statements each; load average now %.1f%n",
                CertificateBatches.GROUP, done.issued(), seconds, rate, (statements.sum() - before) / (double) done.issued(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void approve(CertificateFixture fx, List<Long> ids) {
        fx.dsl.update(CALIBRATION).set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.REVIEWER_ID, fx.tech2.userId())
                .set(CALIBRATION.SUBMITTED_AT, Instant.parse("2026-03-03T09:00:00Z"))
                .set(CALIBRATION.APPROVED_AT, Instant.parse("2026-03-04T09:00:00Z"))
                .where(CALIBRATION.ID.in(ids)).execute();
    }

    /**
     * Where one certificate's time goes, on one thread, each phase timed alone over {@link #PHASE_SAMPLES}
     * certificates: the facts without and with the chain walk (and the statements of each), the wording, the QR
     * code, the fill, the export, the SHA-256, and the writes (the INSERT of the PDF and the audit line, in a
     * transaction rolled back afterwards).
     */
    static void phases(CertificateFixture fx, CertificateFactsRepository facts, CertificateTemplate template,
            IssueDetails details, List<Long> ids, LongAdder statements, TransactionTemplate tx) {
        int n = PHASE_SAMPLES;
        ChainMemo memo = ChainMemo.forOneRun();
        facts.find(ids.getFirst(), memo).orElseThrow();

        List<CertificateFacts> read = new ArrayList<>();
        Clocked withChain = Clocked.of(statements, () -> {
            for (int i = 0; i < n; i++) {
                read.add(facts.find(ids.get(i % ids.size())).orElseThrow());
            }
        });
        Clocked memoised = Clocked.of(statements, () -> {
            for (int i = 0; i < n; i++) {
                facts.find(ids.get(i % ids.size()), memo).orElseThrow();
            }
        });
        List<CertificateContent> worded = new ArrayList<>();
        Clocked wording = Clocked.of(statements, () -> read.forEach(f -> worded.add(CertificateWording.of(f, details))));
        Clocked qr = Clocked.of(statements, () -> worded.forEach(c -> QrCodes.of(c.verifyUrl())));
        List<JasperPrint> filled = new ArrayList<>();
        Clocked fill = Clocked.of(statements, () -> worded.forEach(c -> filled.add(template.fill(c))));
        List<byte[]> pdfs = new ArrayList<>();
        Clocked export = Clocked.of(statements, () -> filled.forEach(p -> pdfs.add(template.export(p, java.time.Instant.now(), "bench"))));
        double kilobytes = pdfs.stream().mapToInt(b -> b.length).average().orElse(0) / 1024;
        List<String> hashes = new ArrayList<>();
        Clocked sha = Clocked.of(statements, () -> pdfs.forEach(pdf -> hashes.add(Certificates.sha256(pdf))));

        var repository = new CertificateRepository(fx.dsl);
        var audit = new AuditTrail(fx.dsl);
        Clocked[] writes = new Clocked[2];
        tx.executeWithoutResult(status -> {
            writes[0] = Clocked.of(statements, () -> {
                for (int i = 0; i < n; i++) {
                    CertificateFacts f = read.get(i);
                    repository.insert(new CertificateRepository.NewCertificate("BENCH-" + i, 1, null, null,
                            f.calibrationId(), f.performerId(), f.customerId(), f.subject(), Instant.now(),
                            fx.signer.userId(), Certificates.MEANING_ISSUED, pdfs.get(i), hashes.get(i), "BENCH"));
                }
            });
            writes[1] = Clocked.of(statements, () -> {
                for (int i = 0; i < n; i++) {
                    audit.record(new AuditEntry("bench", "ISSUE", Certificates.ENTITY, "BENCH-" + i + "/1", null,
                            AuditJson.object(Map.of("number", "BENCH-" + i, "sha256", hashes.get(i))), null, null));
                }
            });
            status.setRollbackOnly();
        });

        System.out.printf("  one certificate, phase by phase (1 thread, mean of %d; ms of wall clock / ms of this JVM's"
                + " CPU / ms of the server's CPU / statements):%n", n);
        memoised.print("facts: header, points, standards", n);
        withChain.minus(memoised).print("facts: traceability chain walk", n);
        wording.print("wording", n);
        qr.print("QR code (part of the fill)", n);
        fill.print("fill (text measured, laid out)", n);
        export.print(String.format("export to PDF (%.0f kB)", kilobytes), n);
        sha.print("SHA-256", n);
        writes[0].print("INSERT of the PDF", n);
        writes[1].print("audit line", n);
    }

    /** Wall-clock and CPU nanoseconds and statements of one phase, run on the calling thread. */
    record Clocked(long wallNanos, long cpuNanos, double serverCpuMillis, long statements) {

        static Clocked of(LongAdder statements, Runnable phase) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long s = statements.sum();
            double server = serverCpuNow();
            long cpu = mx.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            phase.run();
            return new Clocked(System.nanoTime() - wall, mx.getCurrentThreadCpuTime() - cpu,
                    serverCpuNow() - server, statements.sum() - s);
        }

        Clocked minus(Clocked o) {
            return new Clocked(wallNanos - o.wallNanos, cpuNanos - o.cpuNanos, serverCpuMillis - o.serverCpuMillis,
                    statements - o.statements);
        }

        void print(String phase, int n) {
            System.out.printf("    %-36s %6.2f  %6.2f  %6.2f  %4.1f%n", phase, wallNanos / 1e6 / n, cpuNanos / 1e6 / n,
                    serverCpuMillis / n, statements / (double) n);
        }
    }

    /** The embedded MariaDB server this JVM started (none when the tests run against a server of their own). */
    static Optional<Long> server = Optional.empty();

    /** Finds the embedded server among this JVM's child processes, once it has started. */
    static void findServer() {
        server = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
        System.out.println("server CPU: " + server.map(pid -> "read from process " + pid)
                .orElse("not measured (no embedded server in this JVM)"));
    }

    /**
     * CPU milliseconds the embedded server has used so far (user + system, from Linux's /proc, in clock ticks of
     * 10 ms), or 0 when it cannot be read: the server's share of a certificate, which the JVM's own CPU time misses.
     */
    static double serverCpuNow() {
        if (server.isEmpty()) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", server.get().toString(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU nanoseconds this JVM has used so far, all threads (GC and JIT included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This JVM's CPU milliseconds per certificate in the last {@link #run}, all threads (GC and JIT included). */
    static double lastCpuMillisEach;
    /** The embedded server's CPU milliseconds per certificate in the last {@link #run}. */
    static double lastServerCpuMillisEach;

    /**
     * Certificates per second (wall clock) of {@code n} calls spread over {@code threads} threads; also records the
     * CPU time each took (this JVM's and the embedded server's), which depends much less on what else the machine
     * runs.
     */
    static double run(int threads, int n, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        double server = serverCpuNow();
        long cpu = processCpuNanos();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    work.accept(i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double rate = n / ((System.nanoTime() - started) / 1e9);
        lastCpuMillisEach = (processCpuNanos() - cpu) / 1e6 / n;
        lastServerCpuMillisEach = (serverCpuNow() - server) / n;
        return rate;
    }
}
