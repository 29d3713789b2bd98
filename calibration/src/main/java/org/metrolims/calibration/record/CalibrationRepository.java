package org.metrolims.calibration.record;

import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Sequences.CALIBRATION_NO_SEQ;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_READING;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_COMPONENT;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_CORRELATION;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Table;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.uncertainty.Correlation;
import org.metrolims.calibration.decision.Verdict;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.jooq.tables.records.CalibrationRecord;
import org.springframework.stereotype.Repository;

/**
 * Calibration records in MariaDB: the calibration row, its reference standards, points, readings and budget
 * components. Writes are multi-row INSERTs (RETURNING the generated ids) so that a record — or a thousand — costs a
 * handful of statements; a record is read back whole in one query with nested multisets.
 */
@Repository
class CalibrationRepository {

    /** MariaDB refuses statements with more than 65 535 placeholders; stay well under. */
    private static final int MAX_BINDS = 30_000;

    private final DSLContext dsl;

    public CalibrationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- facts the service checks against ----

    Optional<InstrumentFacts> instrument(long id) {
        return instruments(List.of(id)).values().stream().findFirst();
    }

    Map<Long, InstrumentFacts> instruments(Collection<Long> ids) {
        return dsl.select(INSTRUMENT.ID, INSTRUMENT.OWNER_ORGANIZATION_ID, QUANTITY.SI_UNIT)
                .from(INSTRUMENT)
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(INSTRUMENT.INSTRUMENT_TYPE_ID))
                .join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                .where(INSTRUMENT.ID.in(ids))
                .fetchMap(INSTRUMENT.ID, r -> new InstrumentFacts(r.get(INSTRUMENT.ID),
                        r.get(INSTRUMENT.OWNER_ORGANIZATION_ID), r.get(QUANTITY.SI_UNIT)));
    }

    Set<Long> existingOrganizations(Collection<Long> ids) {
        return new HashSet<>(dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.ID.in(ids))
                .fetch(ORGANIZATION.ID));
    }

    Set<Long> existingStandards(Collection<Long> ids) {
        return new HashSet<>(dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.in(ids)).fetch(MEASUREMENT_STANDARD.ID));
    }

    boolean hasNewerRevision(long id) {
        return dsl.fetchExists(CALIBRATION, CALIBRATION.SUPERSEDES_ID.eq(id),
                CALIBRATION.STATUS.ne(CalibrationStatus.WITHDRAWN.name()));
    }

    /** The highest revision number a calibration number has, withdrawn revisions included. */
    int highestRevision(String calibrationNo) {
        return dsl.select(max(CALIBRATION.REVISION)).from(CALIBRATION)
                .where(CALIBRATION.CALIBRATION_NO.eq(calibrationNo)).fetchOptional(Record1::value1).orElse(0);
    }

    // ---- writes ----

    /**
     * Inserts the records with all their rows; returns (id, number) per record, in order. Each table gets multi-row
     * {@code INSERT … VALUES (…),(…)} statements of up to {@link #MAX_BINDS} placeholders, written straight to the
     * transaction's JDBC connection: measured on MariaDB 11.4 with Connector/J 3.5, multi-row VALUES beat the
     * driver's bulk batch protocol (about 2× for calibration rows), and building thousand-row statements through
     * jOOQ's DSL cost more client CPU than the server spent executing them. New records are numbered
     * {@code PREFIX-00000042} from {@code calibration_no_seq} inside the statement.
     */
    List<Inserted> insertAll(List<NewCalibration> entered) {
        List<NewCalibration> rows = entered.stream().map(CalibrationRepository::asColumnsKeepIt).toList();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (NewCalibration c : rows) {
            CalibrationDraft d = c.draft();
            values.add(new Object[] {c.calibrationNo() != null ? c.calibrationNo() : new NextNumber(c.numberPrefix()),
                c.revision(), c.supersedesId(), c.revisionReason(), d.instrumentId(), c.customerOrganizationId(),
                c.performingOrganizationId(), d.procedureCode().strip(), d.receivedOn(), d.calibratedOn(),
                d.validUntil(), c.technicianId(), CalibrationStatus.DRAFT.name(), decimal(d.temperatureC()),
                decimal(d.relativeHumidityPct()), name(d.asFound()), name(d.asLeft()), name(c.decisionRule()),
                decimal(c.decisionRuleMultiplier()), BigDecimal.valueOf(c.coverageProbability()),
                c.conformity().name()});
        }
        List<Inserted> inserted = new ArrayList<>(rows.size());
        // MariaDB returns the rows of a multi-row INSERT … RETURNING in the order they were inserted
        insert(CALIBRATION, List.of(CALIBRATION.CALIBRATION_NO, CALIBRATION.REVISION, CALIBRATION.SUPERSEDES_ID,
                CALIBRATION.REVISION_REASON, CALIBRATION.INSTRUMENT_ID, CALIBRATION.CUSTOMER_ORGANIZATION_ID,
                CALIBRATION.PERFORMING_ORGANIZATION_ID, CALIBRATION.PROCEDURE_CODE, CALIBRATION.RECEIVED_ON,
                CALIBRATION.CALIBRATED_ON, CALIBRATION.VALID_UNTIL, CALIBRATION.TECHNICIAN_ID, CALIBRATION.STATUS,
                CALIBRATION.TEMPERATURE_C, CALIBRATION.RELATIVE_HUMIDITY_PCT, CALIBRATION.AS_FOUND,
                CALIBRATION.AS_LEFT, CALIBRATION.DECISION_RULE, CALIBRATION.DECISION_RULE_MULTIPLIER,
                CALIBRATION.COVERAGE_PROBABILITY, CALIBRATION.CONFORMITY), values,
                List.of(CALIBRATION.ID, CALIBRATION.CALIBRATION_NO),
                r -> inserted.add(new Inserted(r.getLong(1), r.getString(2), rows.get(inserted.size()))));
        List<Long> ids = inserted.stream().map(Inserted::id).toList();
        insertContent(ids, rows);
        return inserted;
    }

    /**
     * The id and number of an inserted record, and its content as stored: every decimal at its column's scale, so
     * that what the caller builds from it (the audit line) says exactly what a read of the record gives.
     */
    record Inserted(long id, String calibrationNo, NewCalibration stored) {
    }

    /** The record with every decimal rounded as its column keeps it (MariaDB rounds half away from zero). */
    private static NewCalibration asColumnsKeepIt(NewCalibration c) {
        CalibrationDraft d = c.draft();
        CalibrationDraft draft = new CalibrationDraft(d.instrumentId(), d.customerOrganizationId(), d.procedureCode(),
                d.receivedOn(), d.calibratedOn(), d.validUntil(), d.referenceStandardIds(),
                fit(d.temperatureC(), CALIBRATION.TEMPERATURE_C),
                fit(d.relativeHumidityPct(), CALIBRATION.RELATIVE_HUMIDITY_PCT), d.asFound(), d.asLeft(),
                d.decisionRule(), d.decisionRuleMultiplier(), d.coverageProbability(), d.points());
        var m = MEASUREMENT_POINT;
        var u = UNCERTAINTY_COMPONENT;
        List<MeasuredPoint> points = c.points().stream().map(p -> new MeasuredPoint(p.seq(), fit(p.nominal(), m.NOMINAL),
                p.unit(), p.readings().stream().map(r -> fit(r, MEASUREMENT_READING.VALUE)).toList(),
                fit(p.mean(), m.MEAN_READING), fit(p.standardDeviation(), m.STANDARD_DEVIATION), fit(p.error(), m.ERROR),
                fit(p.correction(), m.CORRECTION), fit(p.combinedStandardUncertainty(), m.COMBINED_UNCERTAINTY),
                fit(p.effectiveDegreesOfFreedom(), m.EFFECTIVE_DOF), fit(p.expandedUncertainty(), m.EXPANDED_UNCERTAINTY),
                fit(p.coverageFactor(), m.COVERAGE_FACTOR), fit(p.coverageProbability(), m.COVERAGE_PROBABILITY),
                fit(p.tolerance(), m.TOLERANCE), p.toleranceUnit(), p.decisionRule(),
                fit(p.guardBandMultiplier(), m.GUARD_BAND_MULTIPLIER), fit(p.guardBand(), m.GUARD_BAND),
                fit(p.acceptanceLower(), m.ACCEPTANCE_LOWER), fit(p.acceptanceUpper(), m.ACCEPTANCE_UPPER),
                fit(p.conformanceProbability(), m.CONFORMANCE_PROBABILITY), p.verdict(), p.conformity(),
                p.components().stream().map(b -> new BudgetComponent(b.seq(), b.name(), b.type(), b.distribution(),
                        fit(b.halfWidth(), u.HALF_WIDTH), fit(b.expandedUncertainty(), u.EXPANDED_UNCERTAINTY),
                        fit(b.coverageFactor(), u.COVERAGE_FACTOR), fit(b.standardUncertainty(), u.STANDARD_UNCERTAINTY),
                        fit(b.sensitivity(), u.SENSITIVITY), fit(b.degreesOfFreedom(), u.DEGREES_OF_FREEDOM),
                        fit(b.contribution(), u.CONTRIBUTION))).toList(),
                p.correlations().stream().map(r -> new Correlation(r.a(), r.b(), fit(r.r(), UNCERTAINTY_CORRELATION.R)))
                        .toList())).toList();
        return new NewCalibration(c.calibrationNo(), c.numberPrefix(), c.revision(), c.supersedesId(),
                c.revisionReason(), c.performingOrganizationId(), c.technicianId(), c.customerOrganizationId(), draft,
                c.decisionRule(), fit(c.decisionRuleMultiplier(), CALIBRATION.DECISION_RULE_MULTIPLIER),
                fit(c.coverageProbability(), CALIBRATION.COVERAGE_PROBABILITY), c.conformity(), points);
    }

    private static Double fit(Double v, Field<BigDecimal> column) {
        return v == null ? null : fit((double) v, column);
    }

    private static double fit(double v, Field<BigDecimal> column) {
        return BigDecimal.valueOf(v).setScale(column.getDataType().scale(), RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Replaces a DRAFT's content, if it is still at {@code version}; false when it is not (changed, or no longer a
     * draft). A draft is not yet evidence: its points are replaced, the audit trail keeps the before and after.
     */
    boolean replaceDraft(long id, int version, NewCalibration c) {
        CalibrationDraft d = c.draft();
        int updated = dsl.update(CALIBRATION)
                .set(CALIBRATION.INSTRUMENT_ID, d.instrumentId())
                .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, c.customerOrganizationId())
                .set(CALIBRATION.PROCEDURE_CODE, d.procedureCode().strip())
                .set(CALIBRATION.RECEIVED_ON, d.receivedOn())
                .set(CALIBRATION.CALIBRATED_ON, d.calibratedOn())
                .set(CALIBRATION.VALID_UNTIL, d.validUntil())
                .set(CALIBRATION.TEMPERATURE_C, decimal(d.temperatureC()))
                .set(CALIBRATION.RELATIVE_HUMIDITY_PCT, decimal(d.relativeHumidityPct()))
                .set(CALIBRATION.AS_FOUND, name(d.asFound()))
                .set(CALIBRATION.AS_LEFT, name(d.asLeft()))
                .set(CALIBRATION.DECISION_RULE, name(c.decisionRule()))
                .set(CALIBRATION.DECISION_RULE_MULTIPLIER, decimal(c.decisionRuleMultiplier()))
                .set(CALIBRATION.COVERAGE_PROBABILITY, BigDecimal.valueOf(c.coverageProbability()))
                .set(CALIBRATION.CONFORMITY, c.conformity().name())
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.VERSION.eq(version),
                        CALIBRATION.STATUS.eq(CalibrationStatus.DRAFT.name()))
                .execute();
        if (updated == 0) {
            return false;
        }
        var points = select(MEASUREMENT_POINT.ID).from(MEASUREMENT_POINT).where(MEASUREMENT_POINT.CALIBRATION_ID.eq(id));
        dsl.deleteFrom(MEASUREMENT_READING).where(MEASUREMENT_READING.POINT_ID.in(points)).execute();
        dsl.deleteFrom(UNCERTAINTY_CORRELATION).where(UNCERTAINTY_CORRELATION.POINT_ID.in(points)).execute();
        dsl.deleteFrom(UNCERTAINTY_COMPONENT).where(UNCERTAINTY_COMPONENT.POINT_ID.in(points)).execute();
        dsl.deleteFrom(MEASUREMENT_POINT).where(MEASUREMENT_POINT.CALIBRATION_ID.eq(id)).execute();
        dsl.deleteFrom(CALIBRATION_REFERENCE_STANDARD).where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(id))
                .execute();
        insertContent(List.of(id), List.of(c));
        return true;
    }

    /** DRAFT → SUBMITTED at {@code version}; false when not. */
    boolean submit(long id, int version, Instant at) {
        return dsl.update(CALIBRATION)
                .set(CALIBRATION.STATUS, CalibrationStatus.SUBMITTED.name())
                .set(CALIBRATION.SUBMITTED_AT, at)
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.VERSION.eq(version),
                        CALIBRATION.STATUS.eq(CalibrationStatus.DRAFT.name()))
                .execute() == 1;
    }

    /** SUBMITTED → APPROVED by the reviewer at {@code version}; false when not. */
    boolean approve(long id, int version, long reviewerId, Instant at) {
        return dsl.update(CALIBRATION)
                .set(CALIBRATION.STATUS, CalibrationStatus.APPROVED.name())
                .set(CALIBRATION.REVIEWER_ID, reviewerId)
                .set(CALIBRATION.APPROVED_AT, at)
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.VERSION.eq(version),
                        CALIBRATION.STATUS.eq(CalibrationStatus.SUBMITTED.name()))
                .execute() == 1;
    }

    /** SUBMITTED → DRAFT at {@code version}; false when not. */
    boolean returnToDraft(long id, int version) {
        return dsl.update(CALIBRATION)
                .set(CALIBRATION.STATUS, CalibrationStatus.DRAFT.name())
                .setNull(CALIBRATION.SUBMITTED_AT)
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.VERSION.eq(version),
                        CALIBRATION.STATUS.eq(CalibrationStatus.SUBMITTED.name()))
                .execute() == 1;
    }

    /** DRAFT or SUBMITTED → WITHDRAWN at {@code version}; false when not. */
    boolean withdraw(long id, int version) {
        return dsl.update(CALIBRATION)
                .set(CALIBRATION.STATUS, CalibrationStatus.WITHDRAWN.name())
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.VERSION.eq(version), CALIBRATION.STATUS.in(
                        CalibrationStatus.DRAFT.name(), CalibrationStatus.SUBMITTED.name()))
                .execute() == 1;
    }

    /** APPROVED → SUPERSEDED (its correction was approved); false when it was not APPROVED. */
    boolean supersede(long id) {
        return dsl.update(CALIBRATION)
                .set(CALIBRATION.STATUS, CalibrationStatus.SUPERSEDED.name())
                .set(CALIBRATION.VERSION, CALIBRATION.VERSION.plus(1))
                .where(CALIBRATION.ID.eq(id), CALIBRATION.STATUS.eq(CalibrationStatus.APPROVED.name()))
                .execute() == 1;
    }

    private void insertContent(List<Long> ids, List<NewCalibration> rows) {
        List<Long> pointOwner = new ArrayList<>();
        List<MeasuredPoint> points = new ArrayList<>();
        List<Object[]> references = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long id = ids.get(i);
            for (MeasuredPoint p : rows.get(i).points()) {
                pointOwner.add(id);
                points.add(p);
            }
            for (Long s : rows.get(i).draft().referenceStandardIds()) {
                references.add(new Object[] {id, s});
            }
        }
        insert(CALIBRATION_REFERENCE_STANDARD, List.of(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID,
                CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID), references, List.of(), null);
        List<Object[]> pointValues = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint p = points.get(i);
            pointValues.add(new Object[] {pointOwner.get(i), p.seq(), decimal(p.nominal()), p.unit(),
                decimal(p.mean()), decimal(p.standardDeviation()), decimal(p.error()), decimal(p.correction()),
                decimal(p.combinedStandardUncertainty()), decimal(p.effectiveDegreesOfFreedom()),
                decimal(p.expandedUncertainty()), decimal(p.coverageFactor()), decimal(p.coverageProbability()),
                decimal(p.tolerance()), p.toleranceUnit(), p.conformity().name(), name(p.decisionRule()),
                decimal(p.guardBandMultiplier()), decimal(p.guardBand()), decimal(p.acceptanceLower()),
                decimal(p.acceptanceUpper()), decimal(p.conformanceProbability()), name(p.verdict())});
        }
        List<Long> pointIds = new ArrayList<>(points.size());
        insert(MEASUREMENT_POINT, List.of(MEASUREMENT_POINT.CALIBRATION_ID, MEASUREMENT_POINT.SEQ,
                MEASUREMENT_POINT.NOMINAL, MEASUREMENT_POINT.UNIT, MEASUREMENT_POINT.MEAN_READING,
                MEASUREMENT_POINT.STANDARD_DEVIATION, MEASUREMENT_POINT.ERROR, MEASUREMENT_POINT.CORRECTION,
                MEASUREMENT_POINT.COMBINED_UNCERTAINTY, MEASUREMENT_POINT.EFFECTIVE_DOF,
                MEASUREMENT_POINT.EXPANDED_UNCERTAINTY, MEASUREMENT_POINT.COVERAGE_FACTOR,
                MEASUREMENT_POINT.COVERAGE_PROBABILITY, MEASUREMENT_POINT.TOLERANCE, MEASUREMENT_POINT.TOLERANCE_UNIT,
                MEASUREMENT_POINT.CONFORMITY, MEASUREMENT_POINT.DECISION_RULE, MEASUREMENT_POINT.GUARD_BAND_MULTIPLIER,
                MEASUREMENT_POINT.GUARD_BAND, MEASUREMENT_POINT.ACCEPTANCE_LOWER, MEASUREMENT_POINT.ACCEPTANCE_UPPER,
                MEASUREMENT_POINT.CONFORMANCE_PROBABILITY, MEASUREMENT_POINT.VERDICT), pointValues,
                List.of(MEASUREMENT_POINT.ID), r -> pointIds.add(r.getLong(1)));
        List<Object[]> readings = new ArrayList<>();
        List<Object[]> components = new ArrayList<>();
        List<Object[]> correlations = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            long pointId = pointIds.get(i);
            List<Double> r = points.get(i).readings();
            for (int k = 0; k < r.size(); k++) {
                readings.add(new Object[] {pointId, k + 1, decimal(r.get(k))});
            }
            for (BudgetComponent c : points.get(i).components()) {
                components.add(new Object[] {pointId, c.seq(), c.name(), c.type(), c.distribution(),
                    decimal(c.halfWidth()), decimal(c.expandedUncertainty()), decimal(c.coverageFactor()),
                    decimal(c.standardUncertainty()), decimal(c.sensitivity()), decimal(c.degreesOfFreedom()),
                    decimal(c.contribution())});
            }
            List<Correlation> cr = points.get(i).correlations();
            for (int k = 0; k < cr.size(); k++) {
                correlations.add(new Object[] {pointId, k + 1, cr.get(k).a(), cr.get(k).b(),
                    BigDecimal.valueOf(cr.get(k).r())});
            }
        }
        insert(MEASUREMENT_READING, List.of(MEASUREMENT_READING.POINT_ID, MEASUREMENT_READING.SEQ,
                MEASUREMENT_READING.VALUE), readings, List.of(), null);
        insert(UNCERTAINTY_COMPONENT, List.of(UNCERTAINTY_COMPONENT.POINT_ID, UNCERTAINTY_COMPONENT.SEQ,
                UNCERTAINTY_COMPONENT.NAME, UNCERTAINTY_COMPONENT.EVALUATION_TYPE, UNCERTAINTY_COMPONENT.DISTRIBUTION,
                UNCERTAINTY_COMPONENT.HALF_WIDTH, UNCERTAINTY_COMPONENT.EXPANDED_UNCERTAINTY,
                UNCERTAINTY_COMPONENT.COVERAGE_FACTOR, UNCERTAINTY_COMPONENT.STANDARD_UNCERTAINTY,
                UNCERTAINTY_COMPONENT.SENSITIVITY, UNCERTAINTY_COMPONENT.DEGREES_OF_FREEDOM,
                UNCERTAINTY_COMPONENT.CONTRIBUTION), components, List.of(), null);
        insert(UNCERTAINTY_CORRELATION, List.of(UNCERTAINTY_CORRELATION.POINT_ID, UNCERTAINTY_CORRELATION.SEQ,
                UNCERTAINTY_CORRELATION.COMPONENT_A, UNCERTAINTY_CORRELATION.COMPONENT_B, UNCERTAINTY_CORRELATION.R),
                correlations, List.of(), null);
    }

    /** A new record's number: {@code prefix-} and the next value of {@code calibration_no_seq}, eight digits. */
    private record NextNumber(String prefix) {
    }

    /** Reads one returned row. */
    @FunctionalInterface
    private interface ReturnedRow {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Writes the rows with multi-row INSERTs of at most {@link #MAX_BINDS} placeholders each, on the connection of
     * the current transaction; with {@code returning} columns, hands each returned row, in insertion order, to
     * {@code returned}. Values are null, String, Integer, Long, BigDecimal, LocalDate or {@link NextNumber}.
     */
    private void insert(Table<?> table, List<? extends Field<?>> columns, List<Object[]> rows,
            List<? extends Field<?>> returning, ReturnedRow returned) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder head = new StringBuilder("INSERT INTO `").append(table.getName()).append("` (");
        for (int i = 0; i < columns.size(); i++) {
            head.append(i == 0 ? "`" : ", `").append(columns.get(i).getName()).append('`');
        }
        head.append(") VALUES ");
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < returning.size(); i++) {
            tail.append(i == 0 ? " RETURNING `" : ", `").append(returning.get(i).getName()).append('`');
        }
        int perStatement = Math.max(1, MAX_BINDS / columns.size());
        dsl.connection(connection -> {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                StringBuilder sql = new StringBuilder(head.length() + tail.length() + chunk.size() * columns.size() * 3);
                sql.append(head);
                for (int r = 0; r < chunk.size(); r++) {
                    sql.append(r == 0 ? "(" : ",(");
                    Object[] row = chunk.get(r);
                    for (int c = 0; c < row.length; c++) {
                        sql.append(c == 0 ? "" : ",").append(row[c] instanceof NextNumber
                                ? "CONCAT(?, LPAD(NEXTVAL(`" + CALIBRATION_NO_SEQ.getName() + "`), 8, '0'))" : "?");
                    }
                    sql.append(')');
                }
                sql.append(tail);
                try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                    int index = 0;
                    for (Object[] row : chunk) {
                        for (Object value : row) {
                            bind(statement, ++index, value);
                        }
                    }
                    if (returned == null) {
                        statement.executeUpdate();
                    } else {
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                returned.accept(rs);
                            }
                        }
                    }
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case String s -> statement.setString(index, s);
            case Long l -> statement.setLong(index, l);
            case Integer i -> statement.setInt(index, i);
            case BigDecimal d -> statement.setBigDecimal(index, d);
            case LocalDate d -> statement.setObject(index, d);
            case NextNumber n -> statement.setString(index, n.prefix() + "-");
            default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    // ---- reads ----

    /** The record with its reference standards, points, readings and budgets, in one query. */
    Optional<Calibration> find(long id) {
        var readings = multiset(select(MEASUREMENT_READING.VALUE).from(MEASUREMENT_READING)
                .where(MEASUREMENT_READING.POINT_ID.eq(MEASUREMENT_POINT.ID)).orderBy(MEASUREMENT_READING.SEQ))
                .convertFrom(r -> r.map(v -> v.get(MEASUREMENT_READING.VALUE).doubleValue()));
        var components = multiset(select(UNCERTAINTY_COMPONENT.SEQ, UNCERTAINTY_COMPONENT.NAME,
                UNCERTAINTY_COMPONENT.EVALUATION_TYPE, UNCERTAINTY_COMPONENT.DISTRIBUTION,
                UNCERTAINTY_COMPONENT.HALF_WIDTH, UNCERTAINTY_COMPONENT.EXPANDED_UNCERTAINTY,
                UNCERTAINTY_COMPONENT.COVERAGE_FACTOR, UNCERTAINTY_COMPONENT.STANDARD_UNCERTAINTY,
                UNCERTAINTY_COMPONENT.SENSITIVITY, UNCERTAINTY_COMPONENT.DEGREES_OF_FREEDOM,
                UNCERTAINTY_COMPONENT.CONTRIBUTION)
                .from(UNCERTAINTY_COMPONENT).where(UNCERTAINTY_COMPONENT.POINT_ID.eq(MEASUREMENT_POINT.ID))
                .orderBy(UNCERTAINTY_COMPONENT.SEQ))
                .convertFrom(r -> r.map(c -> new BudgetComponent(c.get(UNCERTAINTY_COMPONENT.SEQ),
                        c.get(UNCERTAINTY_COMPONENT.NAME), c.get(UNCERTAINTY_COMPONENT.EVALUATION_TYPE),
                        c.get(UNCERTAINTY_COMPONENT.DISTRIBUTION), dbl(c.get(UNCERTAINTY_COMPONENT.HALF_WIDTH)),
                        dbl(c.get(UNCERTAINTY_COMPONENT.EXPANDED_UNCERTAINTY)),
                        dbl(c.get(UNCERTAINTY_COMPONENT.COVERAGE_FACTOR)),
                        c.get(UNCERTAINTY_COMPONENT.STANDARD_UNCERTAINTY).doubleValue(),
                        c.get(UNCERTAINTY_COMPONENT.SENSITIVITY).doubleValue(),
                        dbl(c.get(UNCERTAINTY_COMPONENT.DEGREES_OF_FREEDOM)),
                        c.get(UNCERTAINTY_COMPONENT.CONTRIBUTION).doubleValue())));
        var correlations = multiset(select(UNCERTAINTY_CORRELATION.COMPONENT_A, UNCERTAINTY_CORRELATION.COMPONENT_B,
                UNCERTAINTY_CORRELATION.R).from(UNCERTAINTY_CORRELATION)
                .where(UNCERTAINTY_CORRELATION.POINT_ID.eq(MEASUREMENT_POINT.ID)).orderBy(UNCERTAINTY_CORRELATION.SEQ))
                .convertFrom(r -> r.map(c -> new Correlation(c.get(UNCERTAINTY_CORRELATION.COMPONENT_A),
                        c.get(UNCERTAINTY_CORRELATION.COMPONENT_B), c.get(UNCERTAINTY_CORRELATION.R).doubleValue())));
        var points = multiset(select(MEASUREMENT_POINT.asterisk(), readings, components, correlations)
                .from(MEASUREMENT_POINT)
                .where(MEASUREMENT_POINT.CALIBRATION_ID.eq(CALIBRATION.ID)).orderBy(MEASUREMENT_POINT.SEQ))
                .convertFrom(r -> r.map(p -> point(p, p.get(readings), p.get(components), p.get(correlations))));
        var references = multiset(select(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID)
                .from(CALIBRATION_REFERENCE_STANDARD)
                .where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(CALIBRATION.ID))
                .orderBy(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID))
                .convertFrom(r -> r.map(Record1::value1));
        return dsl.select(CALIBRATION.asterisk(), references, points)
                .from(CALIBRATION)
                .where(CALIBRATION.ID.eq(id))
                .fetchOptional(r -> calibration(r.into(CALIBRATION), r.get(references), r.get(points)));
    }

    /**
     * A page of summaries, newest calibration first.
     *
     * @param visibleTo when not null, only records this organization performed or is the customer of
     */
    Page<CalibrationSummary> list(CalibrationFilter f, Long visibleTo, PageRequest page) {
        return list(f, visibleTo, null, null, CalibrationSort.CALIBRATED_ON, true, page);
    }

    /** As {@link #list(CalibrationFilter, Long, PageRequest)}, leaving out the records {@code notBy} performed. */
    Page<CalibrationSummary> list(CalibrationFilter f, Long visibleTo, Long notBy, PageRequest page) {
        return list(f, visibleTo, notBy, null, CalibrationSort.CALIBRATED_ON, true, page);
    }

    /**
     * A page of calibrations matching the filter and, when {@code text} is given, whose number, procedure or
     * instrument (serial, asset number, manufacturer, model) contains it; in the given order.
     */
    Page<CalibrationSummary> list(CalibrationFilter f, Long visibleTo, String text, CalibrationSort sort,
            boolean descending, PageRequest page) {
        return list(f, visibleTo, null, text, sort, descending, page);
    }

    private Page<CalibrationSummary> list(CalibrationFilter f, Long visibleTo, Long notBy, String text,
            CalibrationSort sort, boolean descending, PageRequest page) {
        Condition where = condition(f);
        if (notBy != null) {
            where = where.and(CALIBRATION.TECHNICIAN_ID.isNull().or(CALIBRATION.TECHNICIAN_ID.ne(notBy)));
        }
        boolean searched = text != null && !text.isBlank();
        if (visibleTo != null && !searched && sort == CalibrationSort.CALIBRATED_ON) {
            return visibleByDate(where, visibleTo, descending, page);
        }
        if (visibleTo != null) {
            where = where.and(CALIBRATION.PERFORMING_ORGANIZATION_ID.eq(visibleTo)
                    .or(CALIBRATION.CUSTOMER_ORGANIZATION_ID.eq(visibleTo)));
        }
        if (searched) {
            String t = text.strip();
            where = where.and(CALIBRATION.CALIBRATION_NO.containsIgnoreCase(t)
                    .or(CALIBRATION.PROCEDURE_CODE.containsIgnoreCase(t))
                    .or(INSTRUMENT.SERIAL_NO.containsIgnoreCase(t))
                    .or(INSTRUMENT.ASSET_NO.containsIgnoreCase(t))
                    .or(INSTRUMENT.MANUFACTURER.containsIgnoreCase(t))
                    .or(INSTRUMENT.MODEL.containsIgnoreCase(t)));
        }
        long total = searched
                ? dsl.fetchCount(dsl.selectOne().from(CALIBRATION).join(INSTRUMENT)
                        .on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID)).where(where))
                : dsl.fetchCount(CALIBRATION, where);
        org.jooq.Field<?> column = switch (sort) {
            case CALIBRATED_ON -> CALIBRATION.CALIBRATED_ON;
            case NUMBER -> CALIBRATION.CALIBRATION_NO;
            case INSTRUMENT -> INSTRUMENT.SERIAL_NO;
            case PROCEDURE -> CALIBRATION.PROCEDURE_CODE;
            case STATUS -> CALIBRATION.STATUS;
        };
        List<CalibrationSummary> items = summaries(where)
                .orderBy(descending ? column.desc() : column.asc(),
                        descending ? CALIBRATION.ID.desc() : CALIBRATION.ID.asc())
                .limit(page.size()).offset(page.offset())
                .fetch(this::summary);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * The records an organization performed or ordered, by calibration date: the two sides are read apart (the
     * records it performed, then those it ordered from others), each along its own (organization, date) index and
     * cut at the page's end, and merged. A single {@code performing = v OR customer = v} reads and sorts every
     * record of the organization instead, 100,000 of them for a provincial institute.
     */
    private Page<CalibrationSummary> visibleByDate(Condition where, long visibleTo, boolean descending,
            PageRequest page) {
        Condition performed = where.and(CALIBRATION.PERFORMING_ORGANIZATION_ID.eq(visibleTo));
        Condition ordered = where.and(CALIBRATION.CUSTOMER_ORGANIZATION_ID.eq(visibleTo))
                .and(CALIBRATION.PERFORMING_ORGANIZATION_ID.ne(visibleTo));
        long total = dsl.fetchCount(CALIBRATION, performed) + dsl.fetchCount(CALIBRATION, ordered);
        int end = page.offset() + page.size();
        var byDate = descending
                ? List.<org.jooq.SortField<?>>of(CALIBRATION.CALIBRATED_ON.desc(), CALIBRATION.ID.desc())
                : List.<org.jooq.SortField<?>>of(CALIBRATION.CALIBRATED_ON.asc(), CALIBRATION.ID.asc());
        Table<?> sides = dsl.select(CALIBRATION.ID, CALIBRATION.CALIBRATED_ON).from(CALIBRATION).where(performed)
                .orderBy(byDate).limit(end)
                .unionAll(dsl.select(CALIBRATION.ID, CALIBRATION.CALIBRATED_ON).from(CALIBRATION).where(ordered)
                        .orderBy(byDate).limit(end))
                .asTable("sides");
        Field<Long> sideId = sides.field(CALIBRATION.ID);
        Field<LocalDate> sideDate = sides.field(CALIBRATION.CALIBRATED_ON);
        List<Long> ids = dsl.select(sideId).from(sides)
                .orderBy(descending ? sideDate.desc() : sideDate.asc(), descending ? sideId.desc() : sideId.asc())
                .limit(page.size()).offset(page.offset())
                .fetch(sideId);
        List<CalibrationSummary> items = ids.isEmpty() ? List.of()
                : summaries(CALIBRATION.ID.in(ids)).orderBy(byDate).fetch(this::summary);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Every revision with this number, oldest first. */
    List<CalibrationSummary> revisions(String calibrationNo) {
        return summaries(CALIBRATION.CALIBRATION_NO.eq(calibrationNo)).orderBy(CALIBRATION.REVISION).fetch(this::summary);
    }

    private org.jooq.SelectConditionStep<? extends Record> summaries(Condition where) {
        return dsl.select(CALIBRATION.ID, CALIBRATION.CALIBRATION_NO, CALIBRATION.REVISION, CALIBRATION.INSTRUMENT_ID,
                        concat(INSTRUMENT.MANUFACTURER, inline(" "), INSTRUMENT.MODEL, inline(" #"), INSTRUMENT.SERIAL_NO)
                                .as("instrument_label"),
                        CALIBRATION.CUSTOMER_ORGANIZATION_ID, CALIBRATION.PERFORMING_ORGANIZATION_ID,
                        CALIBRATION.PROCEDURE_CODE, CALIBRATION.CALIBRATED_ON, CALIBRATION.STATUS,
                        CALIBRATION.CONFORMITY, CALIBRATION.TECHNICIAN_ID, APP_USER.DISPLAY_NAME, CALIBRATION.VERSION)
                .from(CALIBRATION)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(CALIBRATION.INSTRUMENT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CALIBRATION.TECHNICIAN_ID))
                .where(where);
    }

    private CalibrationSummary summary(Record r) {
        return new CalibrationSummary(r.get(CALIBRATION.ID), r.get(CALIBRATION.CALIBRATION_NO),
                r.get(CALIBRATION.REVISION), r.get(CALIBRATION.INSTRUMENT_ID), r.get("instrument_label", String.class),
                r.get(CALIBRATION.CUSTOMER_ORGANIZATION_ID), r.get(CALIBRATION.PERFORMING_ORGANIZATION_ID),
                r.get(CALIBRATION.PROCEDURE_CODE), r.get(CALIBRATION.CALIBRATED_ON),
                CalibrationStatus.valueOf(r.get(CALIBRATION.STATUS)), conformity(r.get(CALIBRATION.CONFORMITY)),
                r.get(CALIBRATION.TECHNICIAN_ID), r.get(APP_USER.DISPLAY_NAME), r.get(CALIBRATION.VERSION));
    }

    private static Condition condition(CalibrationFilter f) {
        Condition c = noCondition();
        if (f.instrumentId() != null) {
            c = c.and(CALIBRATION.INSTRUMENT_ID.eq(f.instrumentId()));
        }
        if (f.performingOrganizationId() != null) {
            c = c.and(CALIBRATION.PERFORMING_ORGANIZATION_ID.eq(f.performingOrganizationId()));
        }
        if (f.customerOrganizationId() != null) {
            c = c.and(CALIBRATION.CUSTOMER_ORGANIZATION_ID.eq(f.customerOrganizationId()));
        }
        if (f.status() != null) {
            c = c.and(CALIBRATION.STATUS.eq(f.status().name()));
        }
        if (f.calibratedFrom() != null) {
            c = c.and(CALIBRATION.CALIBRATED_ON.ge(f.calibratedFrom()));
        }
        if (f.calibratedTo() != null) {
            c = c.and(CALIBRATION.CALIBRATED_ON.le(f.calibratedTo()));
        }
        return c;
    }

    private static Calibration calibration(CalibrationRecord c, List<Long> references, List<MeasuredPoint> points) {
        return new Calibration(c.getId(), c.getCalibrationNo(), c.getRevision(), c.getSupersedesId(),
                c.getRevisionReason(), c.getInstrumentId(), c.getCustomerOrganizationId(),
                c.getPerformingOrganizationId(), c.getProcedureCode(), c.getReceivedOn(), c.getCalibratedOn(),
                c.getValidUntil(), c.getTechnicianId(), c.getSubmittedAt(), c.getReviewerId(),
                c.getApprovedAt(), CalibrationStatus.valueOf(c.getStatus()), dbl(c.getTemperatureC()),
                dbl(c.getRelativeHumidityPct()), condition(c.getAsFound()), condition(c.getAsLeft()),
                c.getDecisionRule() == null ? null : DecisionRuleCode.valueOf(c.getDecisionRule()),
                dbl(c.getDecisionRuleMultiplier()), dbl(c.getCoverageProbability()), conformity(c.getConformity()),
                c.getVersion(), references, points);
    }

    private static MeasuredPoint point(Record p, List<Double> readings, List<BudgetComponent> components,
            List<Correlation> correlations) {
        var m = MEASUREMENT_POINT;
        String rule = p.get(m.DECISION_RULE);
        String verdict = p.get(m.VERDICT);
        return new MeasuredPoint(p.get(m.SEQ), p.get(m.NOMINAL).doubleValue(), p.get(m.UNIT), readings,
                p.get(m.MEAN_READING).doubleValue(), dbl(p.get(m.STANDARD_DEVIATION)),
                p.get(m.ERROR).doubleValue(), p.get(m.CORRECTION).doubleValue(),
                p.get(m.COMBINED_UNCERTAINTY).doubleValue(), dbl(p.get(m.EFFECTIVE_DOF)),
                p.get(m.EXPANDED_UNCERTAINTY).doubleValue(), p.get(m.COVERAGE_FACTOR).doubleValue(),
                p.get(m.COVERAGE_PROBABILITY).doubleValue(), dbl(p.get(m.TOLERANCE)), p.get(m.TOLERANCE_UNIT),
                rule == null ? null : DecisionRuleCode.valueOf(rule), dbl(p.get(m.GUARD_BAND_MULTIPLIER)),
                dbl(p.get(m.GUARD_BAND)), dbl(p.get(m.ACCEPTANCE_LOWER)), dbl(p.get(m.ACCEPTANCE_UPPER)),
                dbl(p.get(m.CONFORMANCE_PROBABILITY)), verdict == null ? null : Verdict.valueOf(verdict),
                conformity(p.get(m.CONFORMITY)), components, correlations);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }

    private static BigDecimal decimal(Double v) {
        return v == null ? null : BigDecimal.valueOf(v);
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v);
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Conformity conformity(String s) {
        return s == null ? null : Conformity.valueOf(s);
    }

    private static InstrumentCondition condition(String s) {
        return s == null ? null : InstrumentCondition.valueOf(s);
    }
}
