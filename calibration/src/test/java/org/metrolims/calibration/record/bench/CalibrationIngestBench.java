package org.metrolims.calibration.record.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.CalibrationRepository;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.record.RecordFixture;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.audit.AuditTrail;

/**
 * Bulk ingest of calibration records with their points, through the service layer ({@link CalibrationRecords#ingest}:
 * validation, units, GUM budgets, decisions, audit lines) against raw batched JDBC inserts of the same rows into the
 * same MariaDB, in the same run. Prints records/s for both and the ratio. Not a test: run it with
 * <pre>./mvnw -B -pl calibration -am -Pbench test-compile exec:exec</pre> (not -q: exec logs the output at INFO)
 * Arguments: records per round (default 20000), batch size (default 1000), points per record (default 3).
 */
public final class CalibrationIngestBench {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int pointsPer = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var schema = TestDatabase.newSchema(CalibrationIngestBench.class);
        // time spent inside the server per kind of statement, to show where the service path's time goes
        Map<String, long[]> statementTimes = new ConcurrentHashMap<>();
        DSLContext dsl = schema.dsl().configuration().derive(new ExecuteListener() {
            private long started;

            @Override
            public void executeStart(ExecuteContext ctx) {
                started = System.nanoTime();
            }

            @Override
            public void executeEnd(ExecuteContext ctx) {
                String sql = ctx.sql() == null ? "?" : ctx.sql();
                long[] t = statementTimes.computeIfAbsent(sql.substring(0, Math.min(40, sql.length())), k -> new long[3]);
                t[0] += System.nanoTime() - started;
                t[1]++;
                t[2] += sql.length();
            }
        }).dsl();
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
        // warm-up of both paths
        service(dsl, f, drafts.subList(0, Math.min(records, 2 * batch)), batch);
        raw(ds, f, Math.min(records, 2 * batch), batch, pointsPer);

        double serviceRate = service(dsl, f, drafts, batch);
        double rawRate = raw(ds, f, records, batch, pointsPer);
        System.out.println("service path, time in statements (warm-up included):");
        statementTimes.entrySet().stream().filter(e -> e.getValue()[0] > 50_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("%8.0f ms %5d statements %,12d chars  %s…%n", e.getValue()[0] / 1e6,
                        e.getValue()[1], e.getValue()[2], e.getKey()));
        System.out.printf("records: %d (%d points each, 5 readings, 3 budget components), batch %d%n", records,
                pointsPer, batch);
        System.out.printf("service layer : %,10.0f records/s%n", serviceRate);
        System.out.printf("raw JDBC batch: %,10.0f records/s%n", rawRate);
        System.out.printf("ratio service/raw: %.2f (target >= 0.50; service target >= 20,000 records/s)%n",
                serviceRate / rawRate);
        System.exit(0); // the embedded MariaDB's process pump would keep the JVM alive
    }

    private static double service(DSLContext dsl, RecordFixture f, List<CalibrationDraft> drafts, int batch) {
        long start = System.nanoTime();
        for (int from = 0; from < drafts.size(); from += batch) {
            List<CalibrationDraft> chunk = drafts.subList(from, Math.min(drafts.size(), from + batch));
            dsl.transaction(cfg -> new CalibrationRecords(new CalibrationRepository(cfg.dsl()), new AuditTrail(cfg.dsl()))
                    .ingest(f.tech1, chunk));
        }
        return drafts.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The same rows (calibration, reference standard, points, readings, components, audit line), precomputed. */
    private static double raw(DataSource ds, RecordFixture f, int records, int batch, int pointsPer) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long calibrationId = next(c, "calibration");
            long pointId = next(c, "measurement_point");
            long start = System.nanoTime();
            try (PreparedStatement cal = c.prepareStatement("INSERT INTO calibration (id, calibration_no, revision,"
                    + " instrument_id, customer_organization_id, performing_organization_id, procedure_code, received_on,"
                    + " calibrated_on, valid_until, technician_id, status, temperature_c, relative_humidity_pct, as_found,"
                    + " as_left, decision_rule, decision_rule_multiplier, coverage_probability, conformity)"
                    + " VALUES (?,?,1,?,?,?,'JJG 30-2012',?,?,?,?,'DRAFT',20.1,45,'IN_TOLERANCE','IN_TOLERANCE',"
                    + "'GUARDED_ACCEPTANCE_W_EQ_U',1,0.9545,'PASS')");
                    PreparedStatement ref = c.prepareStatement("INSERT INTO calibration_reference_standard"
                            + " (calibration_id, measurement_standard_id) VALUES (?,?)");
                    PreparedStatement pt = c.prepareStatement("INSERT INTO measurement_point (id, calibration_id, seq,"
                            + " nominal, unit, mean_reading, standard_deviation, error, correction, combined_uncertainty,"
                            + " effective_dof, expanded_uncertainty, coverage_factor, coverage_probability, tolerance,"
                            + " tolerance_unit, conformity, decision_rule, guard_band_multiplier, guard_band,"
                            + " acceptance_lower, acceptance_upper, conformance_probability, verdict)"
                            + " VALUES (?,?,?,?,'mm',?,?,?,?,?,?,?,?,0.9545,1,'µm','PASS','GUARDED_ACCEPTANCE_W_EQ_U',1,?,?,?,?,'PASS')");
                    PreparedStatement rd = c.prepareStatement(
                            "INSERT INTO measurement_reading (point_id, seq, value) VALUES (?,?,?)");
                    PreparedStatement uc = c.prepareStatement("INSERT INTO uncertainty_component (point_id, seq, name,"
                            + " evaluation_type, distribution, half_width, expanded_uncertainty, coverage_factor,"
                            + " standard_uncertainty, sensitivity, degrees_of_freedom, contribution)"
                            + " VALUES (?,?,?,?,?,?,?,?,?,1,?,?)");
                    PreparedStatement au = c.prepareStatement("INSERT INTO audit_event (actor, action, entity_type,"
                            + " entity_id, after_state) VALUES ('tech1','CREATE','calibration',?,?)")) {
                for (int i = 0; i < records; i++) {
                    long id = calibrationId++;
                    cal.setLong(1, id);
                    cal.setString(2, "RAW-" + id);
                    cal.setLong(3, f.instrument);
                    cal.setLong(4, f.customer);
                    cal.setLong(5, f.institute);
                    cal.setDate(6, Date.valueOf("2025-03-01"));
                    cal.setDate(7, Date.valueOf("2025-03-03"));
                    cal.setDate(8, Date.valueOf("2026-03-02"));
                    cal.setLong(9, f.tech1.userId());
                    cal.addBatch();
                    ref.setLong(1, id);
                    ref.setLong(2, f.standard);
                    ref.addBatch();
                    for (int p = 0; p < pointsPer; p++) {
                        long pid = pointId++;
                        double nominal = 10.0 * (p + 1);
                        int k = 0;
                        pt.setLong(++k, pid);
                        pt.setLong(++k, id);
                        pt.setInt(++k, p + 1);
                        for (double v : new double[] {nominal, nominal + 0.00026, 0.000114, 0.00026, -0.00026,
                                0.000112, 19.8, 0.00024, 2.09, 0.00024, nominal - 0.00076, nominal + 0.00076, 0.99}) {
                            pt.setBigDecimal(++k, BigDecimal.valueOf(v));
                        }
                        pt.addBatch();
                        for (int r = 1; r <= 5; r++) {
                            rd.setLong(1, pid);
                            rd.setInt(2, r);
                            rd.setBigDecimal(3, BigDecimal.valueOf(nominal + 0.0001 * r));
                            rd.addBatch();
                        }
                        String[][] comps = {{"repeatability", "A", null}, {"reference", "B", "normal"},
                            {"resolution", "B", "rectangular"}};
                        for (int s = 0; s < 3; s++) {
                            uc.setLong(1, pid);
                            uc.setInt(2, s + 1);
                            uc.setString(3, comps[s][0]);
                            uc.setString(4, comps[s][1]);
                            uc.setString(5, comps[s][2]);
                            uc.setBigDecimal(6, s == 2 ? new BigDecimal("0.00005") : null);
                            uc.setBigDecimal(7, s == 1 ? new BigDecimal("0.0002") : null);
                            uc.setBigDecimal(8, s == 1 ? new BigDecimal("2") : null);
                            uc.setBigDecimal(9, new BigDecimal("0.0001"));
                            uc.setBigDecimal(10, s == 0 ? new BigDecimal("4") : null);
                            uc.setBigDecimal(11, new BigDecimal("0.0001"));
                            uc.addBatch();
                        }
                    }
                    au.setString(1, Long.toString(id));
                    au.setString(2, "{\"id\":" + id + ",\"status\":\"DRAFT\"}");
                    au.addBatch();
                    if ((i + 1) % batch == 0 || i + 1 == records) {
                        cal.executeBatch();
                        ref.executeBatch();
                        pt.executeBatch();
                        rd.executeBatch();
                        uc.executeBatch();
                        au.executeBatch();
                        c.commit();
                    }
                }
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long next(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1000000 FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
