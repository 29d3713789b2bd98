package org.metrolims.demo;

import static org.metrolims.db.jooq.Sequences.CALIBRATION_NO_SEQ;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTALLATION_FACT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_READING;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.UNCERTAINTY_COMPONENT;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Table;
import org.metrolims.demo.DemoRows.AssessmentCertificate;
import org.metrolims.demo.DemoRows.BudgetRow;
import org.metrolims.demo.DemoRows.Calibration;
import org.metrolims.demo.DemoRows.Discipline;
import org.metrolims.demo.DemoRows.Instrument;
import org.metrolims.demo.DemoRows.InstrumentType;
import org.metrolims.demo.DemoRows.MeasurementPoint;
import org.metrolims.demo.DemoRows.Organization;
import org.metrolims.demo.DemoRows.OrganizationScope;
import org.metrolims.demo.DemoRows.Quantity;
import org.metrolims.demo.DemoRows.ReferenceLink;
import org.metrolims.demo.DemoRows.Region;
import org.metrolims.demo.DemoRows.Standard;
import org.metrolims.demo.DemoRows.StandardStatus;
import org.metrolims.demo.DemoRows.User;
import org.metrolims.demo.DemoRows.UserRole;
import org.springframework.stereotype.Repository;

/**
 * Writes the demo province. Rows carry the ids the generator gave them, so nothing waits for
 * generated keys, and they go in as multi-row INSERTs of {@value #ROWS_PER_INSERT} rows: one round
 * trip and one autocommit per statement, not per row.
 */
@Repository
class DemoProvinceRepository {

    static final int ROWS_PER_INSERT = 1000;

    private final DSLContext dsl;

    DemoProvinceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean hasOrganizations() {
        return dsl.fetchExists(ORGANIZATION);
    }

    Optional<String> fact(String name) {
        return dsl.select(INSTALLATION_FACT.VALUE).from(INSTALLATION_FACT)
                .where(INSTALLATION_FACT.NAME.eq(name))
                .fetchOptional(INSTALLATION_FACT.VALUE);
    }

    void recordFact(String name, String value) {
        dsl.insertInto(INSTALLATION_FACT)
                .set(INSTALLATION_FACT.NAME, name)
                .set(INSTALLATION_FACT.VALUE, value)
                .execute();
    }


    int insertRegions(List<Region> rows) {
        return insert(REGION, rows, r -> new Object[] {r.id(), r.code(), r.nameZh(), r.nameEn(), r.level(), r.parentId()},
                REGION.ID, REGION.CODE, REGION.NAME_ZH, REGION.NAME_EN, REGION.LEVEL, REGION.PARENT_ID);
    }

    int insertDisciplines(List<Discipline> rows) {
        return insert(DISCIPLINE, rows, d -> new Object[] {d.id(), d.code(), d.nameZh(), d.nameEn(), d.sortOrder()},
                DISCIPLINE.ID, DISCIPLINE.CODE, DISCIPLINE.NAME_ZH, DISCIPLINE.NAME_EN, DISCIPLINE.SORT_ORDER);
    }

    int insertQuantities(List<Quantity> rows) {
        return insert(QUANTITY, rows, q -> new Object[] {q.id(), q.disciplineId(), q.code(), q.nameZh(), q.nameEn(),
                        q.siUnit(), q.siUnitName()},
                QUANTITY.ID, QUANTITY.DISCIPLINE_ID, QUANTITY.CODE, QUANTITY.NAME_ZH, QUANTITY.NAME_EN,
                QUANTITY.SI_UNIT, QUANTITY.SI_UNIT_NAME);
    }

    int insertInstrumentTypes(List<InstrumentType> rows) {
        return insert(INSTRUMENT_TYPE, rows, t -> new Object[] {t.id(), t.code(), t.nameZh(), t.nameEn(),
                        t.quantityId(), t.defaultIntervalMonths()},
                INSTRUMENT_TYPE.ID, INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN,
                INSTRUMENT_TYPE.QUANTITY_ID, INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS);
    }

    int insertOrganizations(List<Organization> rows) {
        return insert(ORGANIZATION, rows, o -> new Object[] {o.id(), o.code(), o.nameZh(), o.nameEn(), o.kind(),
                        o.regionId(), o.parentId(), o.addressZh(), o.addressEn(), o.accreditationNumber(),
                        o.accreditationValidUntil(), o.createdAt()},
                ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN, ORGANIZATION.KIND,
                ORGANIZATION.REGION_ID, ORGANIZATION.PARENT_ID, ORGANIZATION.ADDRESS_ZH, ORGANIZATION.ADDRESS_EN,
                ORGANIZATION.ACCREDITATION_NUMBER, ORGANIZATION.ACCREDITATION_VALID_UNTIL, ORGANIZATION.CREATED_AT);
    }

    int insertOrganizationScopes(List<OrganizationScope> rows) {
        return insert(ORGANIZATION_SCOPE, rows, s -> new Object[] {s.organizationId(), s.disciplineId()},
                ORGANIZATION_SCOPE.ORGANIZATION_ID, ORGANIZATION_SCOPE.DISCIPLINE_ID);
    }

    int insertUsers(List<User> rows) {
        return insert(APP_USER, rows, u -> new Object[] {u.id(), u.username(), u.passwordHash(), u.displayName(),
                        u.email(), u.organizationId(), u.createdAt()},
                APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.DISPLAY_NAME, APP_USER.EMAIL,
                APP_USER.ORGANIZATION_ID, APP_USER.CREATED_AT);
    }

    int insertUserRoles(List<UserRole> rows) {
        return insert(USER_ROLE, rows, r -> new Object[] {r.userId(), r.role()}, USER_ROLE.USER_ID, USER_ROLE.ROLE);
    }

    int insertStandards(List<Standard> rows) {
        var s = MEASUREMENT_STANDARD;
        return insert(s, rows, r -> new Object[] {r.id(), r.code(), r.nameZh(), r.nameEn(), r.disciplineId(),
                        r.quantityId(), r.level(), r.ownerOrganizationId(), r.regionId(), r.rangeLow(), r.rangeHigh(),
                        r.unit(), r.expandedUncertainty(), r.coverageFactor(), r.accuracyClass(), r.status(),
                        r.establishedOn(), r.createdAt()},
                s.ID, s.CODE, s.NAME_ZH, s.NAME_EN, s.DISCIPLINE_ID, s.QUANTITY_ID, s.LEVEL, s.OWNER_ORGANIZATION_ID,
                s.REGION_ID, s.RANGE_LOW, s.RANGE_HIGH, s.UNIT, s.EXPANDED_UNCERTAINTY, s.COVERAGE_FACTOR,
                s.ACCURACY_CLASS, s.STATUS, s.ESTABLISHED_ON, s.CREATED_AT);
    }

    int insertStandardStatuses(List<StandardStatus> rows) {
        var s = MEASUREMENT_STANDARD_STATUS;
        return insert(s, rows, r -> new Object[] {r.id(), r.standardId(), r.status(), r.effectiveFrom(), r.reason(),
                        r.recordedBy(), r.recordedAt()},
                s.ID, s.STANDARD_ID, s.STATUS, s.EFFECTIVE_FROM, s.REASON, s.RECORDED_BY, s.RECORDED_AT);
    }

    int insertAssessmentCertificates(List<AssessmentCertificate> rows) {
        var c = STANDARD_ASSESSMENT_CERTIFICATE;
        return insert(c, rows, r -> new Object[] {r.id(), r.standardId(), r.certificateNo(), r.issuedOn(),
                        r.expiresOn(), r.issuer()},
                c.ID, c.STANDARD_ID, c.CERTIFICATE_NO, c.ISSUED_ON, c.EXPIRES_ON, c.ISSUER);
    }

    int insertInstruments(List<Instrument> rows) {
        var i = INSTRUMENT;
        return insert(i, rows, r -> new Object[] {r.id(), r.ownerOrganizationId(), r.instrumentTypeId(),
                        r.measurementStandardId(), r.assetNo(), r.manufacturer(), r.model(), r.serialNo(), r.rangeLow(),
                        r.rangeHigh(), r.unit(), r.resolution(), r.maxPermissibleError(), r.location(),
                        r.calibrationIntervalMonths(), r.status(), r.createdAt()},
                i.ID, i.OWNER_ORGANIZATION_ID, i.INSTRUMENT_TYPE_ID, i.MEASUREMENT_STANDARD_ID, i.ASSET_NO,
                i.MANUFACTURER, i.MODEL, i.SERIAL_NO, i.RANGE_LOW, i.RANGE_HIGH, i.UNIT, i.RESOLUTION,
                i.MAX_PERMISSIBLE_ERROR, i.LOCATION, i.CALIBRATION_INTERVAL_MONTHS, i.STATUS, i.CREATED_AT);
    }

    int insertCalibrations(List<Calibration> rows) {
        var c = CALIBRATION;
        return insert(c, rows, r -> new Object[] {r.id(), r.calibrationNo(), r.instrumentId(),
                        r.customerOrganizationId(), r.performingOrganizationId(), r.externalIssuer(),
                        r.externalCertificateNo(), r.externalCmcReference(), r.procedureCode(), r.receivedOn(),
                        r.calibratedOn(), r.validUntil(), r.technicianId(), r.submittedAt(), r.reviewerId(),
                        r.approvedAt(), r.status(), r.temperatureC(), r.relativeHumidityPct(), r.asFound(), r.asLeft(),
                        r.decisionRule(), r.decisionRuleMultiplier(), r.coverageProbability(), r.conformity(),
                        r.createdAt()},
                c.ID, c.CALIBRATION_NO, c.INSTRUMENT_ID, c.CUSTOMER_ORGANIZATION_ID, c.PERFORMING_ORGANIZATION_ID,
                c.EXTERNAL_ISSUER, c.EXTERNAL_CERTIFICATE_NO, c.EXTERNAL_CMC_REFERENCE, c.PROCEDURE_CODE,
                c.RECEIVED_ON, c.CALIBRATED_ON, c.VALID_UNTIL, c.TECHNICIAN_ID, c.SUBMITTED_AT, c.REVIEWER_ID,
                c.APPROVED_AT, c.STATUS, c.TEMPERATURE_C, c.RELATIVE_HUMIDITY_PCT, c.AS_FOUND, c.AS_LEFT,
                c.DECISION_RULE, c.DECISION_RULE_MULTIPLIER, c.COVERAGE_PROBABILITY, c.CONFORMITY, c.CREATED_AT);
    }

    int insertReferenceLinks(List<ReferenceLink> rows) {
        var l = CALIBRATION_REFERENCE_STANDARD;
        return insert(l, rows, r -> new Object[] {r.calibrationId(), r.standardId()},
                l.CALIBRATION_ID, l.MEASUREMENT_STANDARD_ID);
    }

    /** The points, and for those measured here their readings and budget lines; the rows written. */
    int insertMeasurementPoints(List<MeasurementPoint> rows) {
        var p = MEASUREMENT_POINT;
        int written = insert(p, rows, r -> new Object[] {r.id(), r.calibrationId(), r.seq(), r.nominal(), r.unit(),
                        r.meanReading(), r.measured() == null ? null : r.measured().standardDeviation(), r.error(),
                        r.correction(), r.combinedUncertainty(),
                        r.measured() == null ? null : r.measured().effectiveDof(), r.expandedUncertainty(),
                        r.coverageFactor(), r.coverageProbability(), r.tolerance(), r.toleranceUnit(), r.conformity(),
                        r.decisionRule(), r.guardBandMultiplier(), r.guardBand(), r.acceptanceLower(),
                        r.acceptanceUpper(), r.conformanceProbability(), r.verdict()},
                p.ID, p.CALIBRATION_ID, p.SEQ, p.NOMINAL, p.UNIT, p.MEAN_READING, p.STANDARD_DEVIATION, p.ERROR,
                p.CORRECTION, p.COMBINED_UNCERTAINTY, p.EFFECTIVE_DOF, p.EXPANDED_UNCERTAINTY, p.COVERAGE_FACTOR,
                p.COVERAGE_PROBABILITY, p.TOLERANCE, p.TOLERANCE_UNIT, p.CONFORMITY, p.DECISION_RULE,
                p.GUARD_BAND_MULTIPLIER, p.GUARD_BAND, p.ACCEPTANCE_LOWER, p.ACCEPTANCE_UPPER,
                p.CONFORMANCE_PROBABILITY, p.VERDICT);
        List<Object[]> readings = new ArrayList<>();
        List<Object[]> budget = new ArrayList<>();
        for (MeasurementPoint point : rows) {
            if (point.measured() == null) {
                continue;
            }
            List<BigDecimal> values = point.measured().readings();
            for (int k = 0; k < values.size(); k++) {
                readings.add(new Object[] {point.id(), k + 1, values.get(k)});
            }
            for (BudgetRow b : point.measured().budget()) {
                budget.add(new Object[] {point.id(), b.seq(), b.name(), b.type(), b.distribution(),
                    b.expandedUncertainty(), b.coverageFactor(), b.standardUncertainty(), BigDecimal.ONE,
                    b.degreesOfFreedom(), b.contribution()});
            }
        }
        var r = MEASUREMENT_READING;
        written += insert(r, readings, row -> row, r.POINT_ID, r.SEQ, r.VALUE);
        var u = UNCERTAINTY_COMPONENT;
        written += insert(u, budget, row -> row, u.POINT_ID, u.SEQ, u.NAME, u.EVALUATION_TYPE, u.DISTRIBUTION,
                u.EXPANDED_UNCERTAINTY, u.COVERAGE_FACTOR, u.STANDARD_UNCERTAINTY, u.SENSITIVITY, u.DEGREES_OF_FREEDOM,
                u.CONTRIBUTION);
        return written;
    }

    /**
     * Moves the calibration-number sequence past the demo's calibrations, whose numbers end in
     * their ids, so that numbers drawn for new calibrations never meet a demo number.
     */
    void continueCalibrationNumbersAfter(long lastDemoCalibrationId) {
        dsl.alterSequence(CALIBRATION_NO_SEQ).restartWith(lastDemoCalibrationId + 1).execute();
    }

    /** Multi-row INSERTs of at most {@value #ROWS_PER_INSERT} rows each; {@code values} gives a row's columns in {@code fields} order. */
    private <T> int insert(Table<?> table, List<T> rows, Function<T, Object[]> values, Field<?>... fields) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            InsertValuesStepN<?> insert = dsl.insertInto(table, fields);
            for (T row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values(values.apply(row));
            }
            insert.execute();
        }
        return rows.size();
    }
}
