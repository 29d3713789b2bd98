package org.metrolims.calibration.record.bench;

import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.IngestReport;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.record.RecordFixture;
import org.metrolims.calibration.record.RecordTestWiring;
import org.metrolims.db.TestDatabase;

/**
 * Bulk ingest of calibration records with their points, through the service layer
 * ({@link CalibrationRecords#ingestChunk}: validation, units, GUM budgets, decisions, audit lines) against raw JDBC
 * inserts of the same rows into the same MariaDB, in the same run. Prints records/s for both and the ratio. Not a
 * test: run it with
 * <pre>./mvnw -B -ntp -pl calibration -am -Pbench test-compile exec:exec</pre> (not -q: exec logs the output at INFO)
 * Arguments: records per round (default 20000), batch size (default 1000), points per record (default 3), rounds
 * (default 3).
 *
 * <p>The baseline is the fastest plain-JDBC technique measured for these tables on MariaDB 11.4 with Connector/J
 * 3.5: multi-row {@code INSERT … VALUES (…),(…)} of a thousand records per transaction, with ids assigned by the
 * client (no RETURNING round trip), the same rows in the same tables — calibration, reference standard, points,
 * readings, budget components and an audit line carrying the same JSON a service-written record gets. The driver's
 * batch (bulk protocol) was about half as fast. The two paths run alternately, round after round, so that the
 * load of a shared machine falls on both; the ratio is the median of the rounds' ratios.
 */
public final class CalibrationIngestBench {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int pointsPer = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        var schema = TestDatabase.newSchema(CalibrationIngestBench.class);
        DSLContext dsl = schema.dsl();
        RecordFixture f = new RecordFixture(dsl);
        DataSource ds = schema.dataSource();

        List<CalibrationDraft> drafts = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            List<PointInput> points = new ArrayList<>();
            for (int p = 0; p < pointsPer; p++) {
                double nominal = 10.0 * (p + 1);
                points.add(new PointInput(nominal, "mm", List.of(nominal + 0.0002, nominal + 0.0004, nominal + 0.0003,
                        nominal + 0.0001, nominal + 0.0003), 1.0, "µm",
                        List.of(ComponentInput.expanded("reference", 0.0002, 2),
                                ComponentInput.halfWidth("resolution", "rectangular", 0.00005))));
            }
            drafts.add(new CalibrationDraft(f.instrument, null, "JJG 30-2012", LocalDate.of(2025, 3, 1),
                    LocalDate.of(2025, 3, 3), LocalDate.of(2026, 3, 2), List.of(f.standard), 20.1, 45.0,
                    InstrumentCondition.IN_TOLERANCE, InstrumentCondition.IN_TOLERANCE,
                    DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_U, null, null, points));
        }
        // warm-up of both paths; the service's audit JSON becomes the raw path's audit line
        service(dsl, f, drafts.subList(0, Math.min(records, 2 * batch)), batch);
        String auditJson = dsl.select(AUDIT_EVENT.AFTER_STATE).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("calibration")).orderBy(AUDIT_EVENT.ID.desc()).limit(1)
                .fetchSingle(AUDIT_EVENT.AFTER_STATE);
        raw(ds, f, Math.min(records, 2 * batch), batch, pointsPer, auditJson);

        double[] serviceRates = new double[rounds];
        double[] rawRates = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            serviceRates[r] = service(dsl, f, drafts, batch);
            rawRates[r] = raw(ds, f, records, batch, pointsPer, auditJson);
            ratios[r] = serviceRates[r] / rawRates[r];
            System.out.printf("round %d: service %,8.0f records/s, raw %,8.0f records/s, ratio %.2f%n", r + 1,
                    serviceRates[r], rawRates[r], ratios[r]);
        }
        System.out.printf("records: %d per round (%d points each, 5 readings, 3 budget components), batch %d, %d rounds,"
                + " %d CPUs, load average %.1f%n", records, pointsPer, batch, rounds,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("service layer : %,10.0f records/s (median)%n", median(serviceRates));
        System.out.printf("raw JDBC      : %,10.0f records/s (median)%n", median(rawRates));
        System.out.printf("ratio service/raw: %.2f (median of rounds; target >= 0.50; service target >= 20,000"
                + " records/s)%n", median(ratios));
        System.exit(0); // the embedded MariaDB's process pump would keep the JVM alive
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double service(DSLContext dsl, RecordFixture f, List<CalibrationDraft> drafts, int batch) {
        long start = System.nanoTime();
        for (int from = 0; from < drafts.size(); from += batch) {
            List<CalibrationDraft> chunk = drafts.subList(from, Math.min(drafts.size(), from + batch));
            IngestReport report = dsl.transactionResult(
                    cfg -> RecordTestWiring.records(cfg.dsl()).ingestChunk(f.tech1, chunk));
            if (!report.accepted()) {
                throw new IllegalStateException("refused: " + report.rejections());
            }
        }
        return drafts.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The same rows (calibration, reference standard, points, readings, components, audit line), precomputed,
     * written with multi-row INSERTs, one transaction per batch.
     */
    private static double raw(DataSource ds, RecordFixture f, int records, int batch, int pointsPer, String auditJson)
            throws Exception {
        String idText = "\"id\":";
        int at = auditJson.indexOf(idText) + idText.length();
        int after = at;
        while (Character.isDigit(auditJson.charAt(after))) {
            after++;
        }
        String jsonHead = auditJson.substring(0, at);
        String jsonTail = auditJson.substring(after);
        String[][] comps = {{"repeatability", "A", null}, {"reference", "B", "normal"},
            {"resolution", "B", "rectangular"}};
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long calibrationId = next(c, "calibration");
            long pointId = next(c, "measurement_point");
            Date received = Date.valueOf("2025-03-01");
            Date calibrated = Date.valueOf("2025-03-03");
            Date validUntil = Date.valueOf("2026-03-02");
            long start = System.nanoTime();
            for (int from = 0; from < records; from += batch) {
                int n = Math.min(batch, records - from);
                List<Object[]> cal = new ArrayList<>(n);
                List<Object[]> ref = new ArrayList<>(n);
                List<Object[]> pt = new ArrayList<>(n * pointsPer);
                List<Object[]> rd = new ArrayList<>(n * pointsPer * 5);
                List<Object[]> uc = new ArrayList<>(n * pointsPer * 3);
                List<Object[]> au = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long id = calibrationId++;
                    cal.add(new Object[] {id, "RAW-" + id, f.instrument, f.customer, f.institute, received, calibrated,
                        validUntil, f.tech1.userId()});
                    ref.add(new Object[] {id, f.standard});
                    for (int p = 0; p < pointsPer; p++) {
                        long pid = pointId++;
                        double nominal = 10.0 * (p + 1);
                        Object[] point = new Object[16];
                        point[0] = pid;
                        point[1] = id;
                        point[2] = p + 1;
                        double[] values = {nominal, nominal + 0.00026, 0.000114, 0.00026, -0.00026, 0.000112, 19.8,
                            0.00024, 2.09, 0.00024, nominal - 0.00076, nominal + 0.00076, 0.99};
                        for (int v = 0; v < values.length; v++) {
                            point[3 + v] = BigDecimal.valueOf(values[v]);
                        }
                        pt.add(point);
                        for (int r = 1; r <= 5; r++) {
                            rd.add(new Object[] {pid, r, BigDecimal.valueOf(nominal + 0.0001 * r)});
                        }
                        for (int s = 0; s < 3; s++) {
                            uc.add(new Object[] {pid, s + 1, comps[s][0], comps[s][1], comps[s][2],
                                s == 2 ? new BigDecimal("0.00005") : null, s == 1 ? new BigDecimal("0.0002") : null,
                                s == 1 ? new BigDecimal("2") : null, new BigDecimal("0.0001"),
                                s == 0 ? new BigDecimal("4") : null, new BigDecimal("0.0001")});
                        }
                    }
                    au.add(new Object[] {Long.toString(id), jsonHead + id + jsonTail});
                }
                insert(c, "INSERT INTO calibration (id, calibration_no, revision, instrument_id,"
                        + " customer_organization_id, performing_organization_id, procedure_code, received_on,"
                        + " calibrated_on, valid_until, technician_id, status, temperature_c, relative_humidity_pct,"
                        + " as_found, as_left, decision_rule, decision_rule_multiplier, coverage_probability,"
                        + " conformity) VALUES ", "(?,?,1,?,?,?,'JJG 30-2012',?,?,?,?,'DRAFT',20.1,45,'IN_TOLERANCE',"
                        + "'IN_TOLERANCE','GUARDED_ACCEPTANCE_W_EQ_U',1,0.9545,'PASS')", cal);
                insert(c, "INSERT INTO calibration_reference_standard (calibration_id, measurement_standard_id)"
                        + " VALUES ", "(?,?)", ref);
                insert(c, "INSERT INTO measurement_point (id, calibration_id, seq, nominal, unit, mean_reading,"
                        + " standard_deviation, error, correction, combined_uncertainty, effective_dof,"
                        + " expanded_uncertainty, coverage_factor, coverage_probability, tolerance, tolerance_unit,"
                        + " conformity, decision_rule, guard_band_multiplier, guard_band, acceptance_lower,"
                        + " acceptance_upper, conformance_probability, verdict) VALUES ",
                        "(?,?,?,?,'mm',?,?,?,?,?,?,?,?,0.9545,1,'µm','PASS','GUARDED_ACCEPTANCE_W_EQ_U',1,?,?,?,?,'PASS')",
                        pt);
                insert(c, "INSERT INTO measurement_reading (point_id, seq, value) VALUES ", "(?,?,?)", rd);
                insert(c, "INSERT INTO uncertainty_component (point_id, seq, name, evaluation_type, distribution,"
                        + " half_width, expanded_uncertainty, coverage_factor, standard_uncertainty, sensitivity,"
                        + " degrees_of_freedom, contribution) VALUES ", "(?,?,?,?,?,?,?,?,?,1,?,?)", uc);
                insert(c, "INSERT INTO audit_event (actor, action, entity_type, entity_id, after_state) VALUES ",
                        "('tech1','CREATE','calibration',?,?)", au);
                c.commit();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Multi-row INSERTs of as many rows as MariaDB's 65,535 placeholders allow (60,000 here). */
    private static void insert(Connection c, String head, String row, List<Object[]> rows) throws Exception {
        int width = rows.getFirst().length;
        int perStatement = 60_000 / width;
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (row.length() + 1)).append(head);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append(row);
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int k = 0;
                for (Object[] values : chunk) {
                    for (Object v : values) {
                        switch (v) {
                            case null -> ps.setNull(++k, Types.NULL);
                            case Long l -> ps.setLong(++k, l);
                            case Integer i -> ps.setInt(++k, i);
                            case String s -> ps.setString(++k, s);
                            case BigDecimal d -> ps.setBigDecimal(++k, d);
                            case Date d -> ps.setDate(++k, d);
                            default -> throw new IllegalArgumentException(v.getClass().getName());
                        }
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    private static long next(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1000000 FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
