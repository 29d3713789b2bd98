package org.metrolims.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.metrolims.demo.DemoRows.DeliberateGap;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo province ({@link DemoProvince}) once, into an empty database, when
 * {@code lims.demo.enabled} is true. It runs as an {@link ApplicationRunner}, that is after the
 * context (and so Flyway) is up and before the application reports itself ready.
 *
 * <h2>Once, and never half</h2>
 * 200,000 calibrations are too many for one transaction, so the load commits as it goes, table by
 * table, and marks its progress in {@code installation_fact}: {@code demo.seed},
 * {@code demo.scale} and {@code demo.anchor-date} first, {@code demo.loaded-at} last of all. On
 * start:
 * <ul>
 *   <li>{@code demo.loaded-at} present: the province is there; nothing is done.</li>
 *   <li>{@code demo.seed} present without {@code demo.loaded-at}: an earlier load died halfway.
 *       Start-up fails with a message saying to delete the data folder ({@code ./data/mariadb} for
 *       the embedded database) or drop the schema, so that the next start loads it whole. Nothing
 *       tries to repair a half province.</li>
 *   <li>no demo facts but organizations: a database with real data; the demo is not loaded.</li>
 *   <li>otherwise the province is loaded, with one {@code DEMO_LOADED} audit event carrying the
 *       row counts, and {@code calibration_no_seq} moved past the demo's calibrations.</li>
 * </ul>
 * A scale-1 province (about 1.2 million rows) loads in about 20 seconds on two cores.
 */
@Component
class DemoProvinceLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo2026";
    static final String SEED = "demo.seed";
    static final String SCALE = "demo.scale";
    static final String ANCHOR_DATE = "demo.anchor-date";
    static final String LOADED_AT = "demo.loaded-at";

    private static final Logger log = LoggerFactory.getLogger(DemoProvinceLoader.class);
    private static final int INSTRUMENTS_PER_BATCH = 1000;
    /**
     * Batches are written by two threads at once: each batch holds instruments with all their
     * calibrations, so batches do not depend on one another, and two writers keep both the
     * generator and the database busy (a scale-1 load took 27 s instead of 40 s with one).
     */
    private static final int WRITER_THREADS = 2;
    private static final long PROGRESS_EVERY = 50_000;

    private final DemoSettings settings;
    private final DemoProvinceRepository repository;
    private final AuditTrail audit;
    private final PasswordHashing passwords;
    private final List<DemoProvinceExtension> extensions;

    /**
     * The application's password hashing ({@link PasswordHashing}), so demo users log in as the security configuration
     * checks; the features' {@link DemoProvinceExtension}s in their {@code @Order}.
     */
    DemoProvinceLoader(DemoSettings settings, DemoProvinceRepository repository, AuditTrail audit,
            PasswordHashing passwords, List<DemoProvinceExtension> extensions) {
        this.settings = settings;
        this.repository = repository;
        this.audit = audit;
        this.passwords = passwords;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public void run(ApplicationArguments args) {
        loadIfEmpty();
    }

    /** Loads the province if the settings and the database call for it; says whether it did. */
    boolean loadIfEmpty() {
        if (!settings.enabled()) {
            log.info("Demo province not loaded: lims.demo.enabled is false");
            return false;
        }
        Optional<String> seed = repository.fact(SEED);
        Optional<String> loadedAt = repository.fact(LOADED_AT);
        if (seed.isPresent() && loadedAt.isPresent()) {
            log.info("Demo province (seed {}, scale {}) already loaded at {}; not loading it again",
                    seed.get(), repository.fact(SCALE).orElse("?"), loadedAt.get());
            return false;
        }
        if (seed.isPresent()) {
            throw new IllegalStateException("The demo province (seed " + seed.get() + ") was only partly loaded: "
                    + "an earlier start stopped before it finished. MetroLIMS does not repair a half-loaded "
                    + "province. Stop the application, delete the embedded database's data folder "
                    + "(./data/mariadb by default, lims.db.data-dir) or drop and recreate the schema of a "
                    + "configured database, and start again to load it whole.");
        }
        if (repository.hasOrganizations()) {
            log.info("Demo province not loaded: the database already holds organizations");
            return false;
        }
        load();
        return true;
    }

    private void load() {
        long started = System.nanoTime();
        log.info("Loading the demo province: seed {}, scale {}, anchor date {}", settings.seed(), scaleText(),
                settings.anchorDate());
        // bcrypt is slow on purpose: one hash, shared by every demo user
        String passwordHash = passwords.hash(DEMO_PASSWORD);
        DemoProvince province = DemoProvince.generate(settings.seed(), settings.scale(), settings.anchorDate(),
                passwordHash);
        repository.recordFact(SEED, Long.toString(settings.seed()));
        repository.recordFact(SCALE, scaleText());
        repository.recordFact(ANCHOR_DATE, settings.anchorDate().toString());

        Map<String, Long> counts = new LinkedHashMap<>();
        written(counts, "region", repository.insertRegions(province.regions()));
        written(counts, "discipline", repository.insertDisciplines(province.disciplines()));
        written(counts, "quantity", repository.insertQuantities(province.quantities()));
        written(counts, "instrument_type", repository.insertInstrumentTypes(province.instrumentTypes()));
        written(counts, "organization", repository.insertOrganizations(province.organizations()));
        written(counts, "organization_scope", repository.insertOrganizationScopes(province.organizationScopes()));
        written(counts, "app_user", repository.insertUsers(province.users()));
        written(counts, "user_role", repository.insertUserRoles(province.userRoles()));
        written(counts, "measurement_standard", repository.insertStandards(province.standards()));
        written(counts, "measurement_standard_status", repository.insertStandardStatuses(province.standardStatuses()));
        written(counts, "standard_assessment_certificate",
                repository.insertAssessmentCertificates(province.assessmentCertificates()));

        long[] totals = new long[6];
        long[] nextReport = {PROGRESS_EVERY};
        try (BatchWriters writers = new BatchWriters(WRITER_THREADS)) {
            province.forEachInstrumentBatch(INSTRUMENTS_PER_BATCH, batch -> {
                writers.submit(() -> {
                    repository.insertInstruments(batch.instruments());
                    repository.insertCalibrations(batch.calibrations());
                    repository.insertReferenceLinks(batch.references());
                    repository.insertMeasurementPoints(batch.points());
                });
                totals[0] += batch.instruments().size();
                totals[1] += batch.calibrations().size();
                totals[2] += batch.references().size();
                totals[3] += batch.points().size();
                for (var point : batch.points()) {
                    if (point.measured() != null) {
                        totals[4] += point.measured().readings().size();
                        totals[5] += point.measured().budget().size();
                    }
                }
                if (totals[1] >= nextReport[0]) {
                    log.info("Demo province: {} calibrations generated so far ({} s)", totals[1], seconds(started));
                    nextReport[0] += PROGRESS_EVERY;
                }
            });
            writers.awaitAll();
        }
        repository.continueCalibrationNumbersAfter(totals[1]);
        written(counts, "instrument", totals[0]);
        written(counts, "calibration", totals[1]);
        written(counts, "calibration_reference_standard", totals[2]);
        written(counts, "measurement_point", totals[3]);
        written(counts, "measurement_reading", totals[4]);
        written(counts, "uncertainty_component", totals[5]);

        for (DeliberateGap gap : province.deliberateGaps()) {
            log.info("Demo province: traceability chain of {} ({}) is broken on purpose: {}", gap.standardCode(),
                    gap.level(), gap.kind());
        }
        for (DemoProvinceExtension extension : extensions) {
            extension.extend(settings).forEach((table, rows) -> written(counts, table, rows));
        }
        audit.record(new AuditEntry("system", "DEMO_LOADED", "installation", "demo", null, auditJson(counts), null, null));
        // last of all: its presence is what says the province is whole
        repository.recordFact(LOADED_AT, Instant.now().toString());
        log.info("Demo province loaded in {} s: {}", seconds(started), counts);
    }

    /**
     * Runs the writes of instrument batches on a few threads, with at most three batches per
     * thread in hand so that memory stays flat, and rethrows the first failure in the calling thread.
     */
    private static final class BatchWriters implements AutoCloseable {
        private final ExecutorService executor;
        private final Semaphore slots;
        private final List<Future<?>> pending = new ArrayList<>();

        BatchWriters(int threads) {
            AtomicInteger n = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "demo-writer-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.slots = new Semaphore(threads * 3);
        }

        void submit(Runnable write) {
            failFast();
            slots.acquireUninterruptibly();
            pending.add(executor.submit(() -> {
                try {
                    write.run();
                } finally {
                    slots.release();
                }
            }));
        }

        void awaitAll() {
            for (Future<?> f : pending) {
                rethrowFailure(f);
            }
            pending.clear();
        }

        /** Stops the load at the first failed write rather than after the last batch. */
        private void failFast() {
            pending.removeIf(f -> {
                if (!f.isDone()) {
                    return false;
                }
                rethrowFailure(f);
                return true;
            });
        }

        private static void rethrowFailure(Future<?> f) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while loading the demo province", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("Loading the demo province failed", e.getCause());
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    private static void written(Map<String, Long> counts, String table, long rows) {
        counts.put(table, rows);
        log.info("Demo province: {} rows in {}", rows, table);
    }

    private String auditJson(Map<String, Long> counts) {
        // keys are fixed identifiers and values numbers or an ISO date: nothing to escape
        String rows = counts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        return "{\"seed\":" + settings.seed() + ",\"scale\":" + scaleText() + ",\"anchorDate\":\""
                + settings.anchorDate() + "\",\"rows\":{" + rows + "}}";
    }

    private String scaleText() {
        return BigDecimal.valueOf(settings.scale()).stripTrailingZeros().toPlainString();
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
