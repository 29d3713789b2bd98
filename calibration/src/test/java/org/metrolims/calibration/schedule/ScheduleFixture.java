package org.metrolims.calibration.schedule;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jooq.DSLContext;
import org.metrolims.db.audit.AuditTrail;

/**
 * A small province for the schedule tests: Fujian with Fuzhou and Xiamen, an institute in Fuzhou that calibrates,
 * a lab in Xiamen and one in Fuzhou that own instruments, a length and a thermal discipline, a caliper type (12
 * months) and a thermometer type (6 months), a standard of the institute.
 */
public final class ScheduleFixture {

    public final DSLContext dsl;
    public final CalibrationSchedules schedules;
    public final long province, fuzhou, xiamen, institute, xmLab, fzLab, length, thermal, caliper, thermometer, standard;
    public final long tech, reviewer;
    private int serial;
    private int number;

    public ScheduleFixture(DSLContext dsl) {
        this.dsl = dsl;
        this.schedules = new CalibrationSchedules(new ScheduleRepository(dsl), new AuditTrail(dsl));
        province = region("350000", "PROVINCE", null);
        fuzhou = region("350100", "CITY", province);
        xiamen = region("350200", "CITY", province);
        institute = organization("FJIM", "INSTITUTE", fuzhou, null);
        xmLab = organization("XMLAB", "ACCREDITED_LAB", xiamen, "CNAS L0001");
        fzLab = organization("FZLAB", "ACCREDITED_LAB", fuzhou, "CNAS L0002");
        length = discipline("LENGTH", 1);
        thermal = discipline("THERMAL", 2);
        caliper = type("CALIPER", quantity(length, "LENGTH", "m"), 12);
        thermometer = type("THERMOMETER", quantity(thermal, "TEMPERATURE", "K"), 6);
        standard = standard("STD-GB-1");
        tech = user("tech", institute);
        reviewer = user("reviewer", institute);
    }

    /** The schedules over a schema another feature's fixture filled (the instrument page reads them). */
    public static CalibrationSchedules schedulesOf(DSLContext dsl) {
        return new CalibrationSchedules(new ScheduleRepository(dsl), new AuditTrail(dsl));
    }

    long standard(String code) {
        return dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, code)
                .set(MEASUREMENT_STANDARD.NAME_ZH, "量块标准装置").set(MEASUREMENT_STANDARD.NAME_EN, "Gauge blocks")
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, length)
                .set(MEASUREMENT_STANDARD.QUANTITY_ID, dsl.select(QUANTITY.ID).from(QUANTITY).where(QUANTITY.CODE.eq("LENGTH")).fetchSingle(QUANTITY.ID))
                .set(MEASUREMENT_STANDARD.LEVEL, "PROVINCIAL_PUBLIC").set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, province).set(MEASUREMENT_STANDARD.UNIT, "mm")
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.0002"))
                .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE").set(MEASUREMENT_STANDARD.ESTABLISHED_ON, LocalDate.of(2020, 1, 1))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchSingle(MEASUREMENT_STANDARD.ID);
    }

    private long region(String code, String level, Long parent) {
        return dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME_ZH, code).set(REGION.NAME_EN, code)
                .set(REGION.LEVEL, level).set(REGION.PARENT_ID, parent).returningResult(REGION.ID).fetchSingle(REGION.ID);
    }

    long organization(String code, String kind, long region, String accreditation) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, code)
                .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, kind).set(ORGANIZATION.REGION_ID, region)
                .set(ORGANIZATION.ACCREDITATION_NUMBER, accreditation)
                .returningResult(ORGANIZATION.ID).fetchSingle(ORGANIZATION.ID);
    }

    private long discipline(String code, int order) {
        return dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, code).set(DISCIPLINE.NAME_ZH, code)
                .set(DISCIPLINE.NAME_EN, code).set(DISCIPLINE.SORT_ORDER, order)
                .returningResult(DISCIPLINE.ID).fetchSingle(DISCIPLINE.ID);
    }

    private long quantity(long discipline, String code, String unit) {
        return dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, code)
                .set(QUANTITY.NAME_ZH, code).set(QUANTITY.NAME_EN, code).set(QUANTITY.SI_UNIT, unit)
                .set(QUANTITY.SI_UNIT_NAME, unit).returningResult(QUANTITY.ID).fetchSingle(QUANTITY.ID);
    }

    private long type(String code, long quantity, int months) {
        return dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, code).set(INSTRUMENT_TYPE.NAME_ZH, code)
                .set(INSTRUMENT_TYPE.NAME_EN, code).set(INSTRUMENT_TYPE.QUANTITY_ID, quantity)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, months).returningResult(INSTRUMENT_TYPE.ID).fetchSingle(INSTRUMENT_TYPE.ID);
    }

    private long user(String name, long org) {
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, name).set(APP_USER.PASSWORD_HASH, "x")
                .set(APP_USER.DISPLAY_NAME, name).set(APP_USER.EMAIL, name + "@example.org")
                .set(APP_USER.ORGANIZATION_ID, org).returningResult(APP_USER.ID).fetchSingle(APP_USER.ID);
    }

    public long instrument(long owner, long type) {
        return instrument(owner, type, null, null);
    }

    long instrument(long owner, long type, Long standardId, Integer months) {
        serial++;
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, owner).set(INSTRUMENT.INSTRUMENT_TYPE_ID, type)
                .set(INSTRUMENT.MEASUREMENT_STANDARD_ID, standardId).set(INSTRUMENT.MANUFACTURER, "Make")
                .set(INSTRUMENT.MODEL, "M").set(INSTRUMENT.SERIAL_NO, "SN-" + serial).set(INSTRUMENT.UNIT, "mm")
                .set(INSTRUMENT.CALIBRATION_INTERVAL_MONTHS, months)
                .set(INSTRUMENT.CREATED_AT, LocalDateTime.of(2020, 1, 1, 9, 0))
                .returningResult(INSTRUMENT.ID).fetchSingle(INSTRUMENT.ID);
    }

    long calibrate(long instrument, LocalDate on, LocalDate validUntil, String status, String procedure) {
        return calibrate(instrument, on, validUntil, status, procedure, "IN_TOLERANCE");
    }

    public long calibrate(long instrument, LocalDate on, LocalDate validUntil, String status, String procedure,
            String asFound) {
        number++;
        long customer = dsl.select(INSTRUMENT.OWNER_ORGANIZATION_ID).from(INSTRUMENT).where(INSTRUMENT.ID.eq(instrument))
                .fetchSingle(INSTRUMENT.OWNER_ORGANIZATION_ID);
        boolean approved = status.equals("APPROVED");
        return dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "C-" + number)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, customer)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, procedure)
                .set(CALIBRATION.CALIBRATED_ON, on).set(CALIBRATION.VALID_UNTIL, validUntil)
                .set(CALIBRATION.TECHNICIAN_ID, tech).set(CALIBRATION.REVIEWER_ID, approved ? reviewer : null)
                .set(CALIBRATION.APPROVED_AT, approved ? on.atTime(17, 0).toInstant(java.time.ZoneOffset.UTC) : null).set(CALIBRATION.STATUS, status)
                .set(CALIBRATION.AS_FOUND, asFound)
                .returningResult(CALIBRATION.ID).fetchSingle(CALIBRATION.ID);
    }

    long certificate(long standardId, String no, LocalDate issued, LocalDate expires) {
        return dsl.insertInto(STANDARD_ASSESSMENT_CERTIFICATE).set(STANDARD_ASSESSMENT_CERTIFICATE.STANDARD_ID, standardId)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.CERTIFICATE_NO, no).set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUED_ON, issued)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.EXPIRES_ON, expires).set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUER, "SAMR")
                .returningResult(STANDARD_ASSESSMENT_CERTIFICATE.ID).fetchSingle(STANDARD_ASSESSMENT_CERTIFICATE.ID);
    }
}
