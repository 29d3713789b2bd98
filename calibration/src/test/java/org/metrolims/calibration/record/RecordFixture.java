package org.metrolims.calibration.record;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.traceability.TraceabilityTestWiring;
import org.metrolims.db.audit.AuditTrail;

/**
 * A small province for calibration record tests: an institute with two technicians and an officer-like reader, a
 * second lab with a technician, a customer, a length quantity (SI unit m), a gauge-block instrument owned by the
 * customer and a reference standard.
 */
public final class RecordFixture {

    public final DSLContext dsl;
    public final CalibrationRecords records;
    public final long institute, otherLab, customer, instrument, standard;
    public final Actor tech1, tech2, otherTech, reader, customerUser;

    public RecordFixture(DSLContext dsl) {
        this.dsl = dsl;
        this.records = new CalibrationRecords(new CalibrationRepository(dsl), new AuditTrail(dsl),
                new ReferenceStandardCheck(TraceabilityTestWiring.analysis(dsl)),
                new ReferenceOverrideRepository(dsl), new WorkRepository(dsl));
        long province = dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").returningResult(REGION.ID).fetchOne(REGION.ID);
        institute = organization(province, "FJIM", "INSTITUTE", null);
        otherLab = organization(province, "XMLAB", "ACCREDITED_LAB", "CNAS L0001");
        customer = organization(province, "ACME", "ENTERPRISE", null);
        long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "LENGTH").set(DISCIPLINE.NAME_ZH, "几何量")
                .set(DISCIPLINE.NAME_EN, "Length").set(DISCIPLINE.SORT_ORDER, 1)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
        long quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "LENGTH")
                .set(QUANTITY.NAME_ZH, "长度").set(QUANTITY.NAME_EN, "length").set(QUANTITY.SI_UNIT, "m")
                .set(QUANTITY.SI_UNIT_NAME, "metre").returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
        long type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "CALIPER").set(INSTRUMENT_TYPE.NAME_ZH, "卡尺")
                .set(INSTRUMENT_TYPE.NAME_EN, "Caliper").set(INSTRUMENT_TYPE.QUANTITY_ID, quantity)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).returningResult(INSTRUMENT_TYPE.ID).fetchOne(INSTRUMENT_TYPE.ID);
        instrument = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, customer)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                .set(INSTRUMENT.MODEL, "500-196").set(INSTRUMENT.SERIAL_NO, "SN-1").set(INSTRUMENT.UNIT, "mm")
                .returningResult(INSTRUMENT.ID).fetchOne(INSTRUMENT.ID);
        standard = dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, "STD-GB-1")
                .set(MEASUREMENT_STANDARD.NAME_ZH, "量块标准装置").set(MEASUREMENT_STANDARD.NAME_EN, "Gauge blocks")
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                .set(MEASUREMENT_STANDARD.LEVEL, "PROVINCIAL_PUBLIC").set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, province).set(MEASUREMENT_STANDARD.UNIT, "mm")
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.0002"))
                .set(MEASUREMENT_STANDARD.COVERAGE_FACTOR, new BigDecimal("2"))
                .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE").set(MEASUREMENT_STANDARD.ESTABLISHED_ON, LocalDate.of(2020, 1, 1))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchOne(MEASUREMENT_STANDARD.ID);
        tech1 = new Actor(user("tech1", institute), "tech1", institute, "FJIM", true, false);
        tech2 = new Actor(user("tech2", institute), "tech2", institute, "FJIM", true, false);
        otherTech = new Actor(user("xmtech", otherLab), "xmtech", otherLab, "XMLAB", true, false);
        reader = new Actor(user("officer", institute), "officer", institute, "FJIM", false, true);
        customerUser = new Actor(user("acme", customer), "acme", customer, "ACME", false, false);
    }

    /** A point at 10 mm: readings 10.0002, 10.0004, 10.0003 mm; the standard's U = 0.2 µm (k = 2); ±1 µm MPE. */
    public static PointInput point10mm() {
        return new PointInput(10.0, "mm", List.of(10.0002, 10.0004, 10.0003), 1.0, "µm",
                List.of(ComponentInput.expanded("reference", 0.0002, 2),
                        ComponentInput.halfWidth("resolution", "rectangular", 0.00005)));
    }

    public CalibrationDraft draft(List<PointInput> points) {
        return new CalibrationDraft(instrument, null, "JJG 30-2012", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 3),
                LocalDate.of(2026, 3, 2), List.of(standard), 20.1, 45.0, InstrumentCondition.IN_TOLERANCE,
                InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null, points);
    }

    public CalibrationDraft draft() {
        return draft(List.of(point10mm()));
    }

    /**
     * A second standard of the institute whose equipment (one instrument) was calibrated by the national metrology
     * institute on 2024-03-04 with a validity up to {@code validUntil}: a complete chain until that day.
     */
    public long standardCalibratedUntil(String code, LocalDate validUntil) {
        var s = MEASUREMENT_STANDARD;
        Record2<Long, Long> base = dsl.select(s.DISCIPLINE_ID, s.QUANTITY_ID).from(s).where(s.ID.eq(standard)).fetchOne();
        long id = dsl.insertInto(s).set(s.CODE, code).set(s.NAME_ZH, code + " 量块").set(s.NAME_EN, code + " gauge blocks")
                .set(s.DISCIPLINE_ID, base.value1()).set(s.QUANTITY_ID, base.value2()).set(s.LEVEL, "PROVINCIAL_PUBLIC")
                .set(s.OWNER_ORGANIZATION_ID, institute)
                .set(s.REGION_ID, dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION)
                        .where(ORGANIZATION.ID.eq(institute)).fetchOne().value1())
                .set(s.UNIT, "mm").set(s.EXPANDED_UNCERTAINTY, new BigDecimal("0.0002"))
                .set(s.COVERAGE_FACTOR, new BigDecimal("2")).set(s.STATUS, "ACTIVE")
                .set(s.ESTABLISHED_ON, LocalDate.of(2020, 1, 1)).returningResult(s.ID).fetchOne().value1();
        long type = dsl.select(INSTRUMENT.INSTRUMENT_TYPE_ID).from(INSTRUMENT).where(INSTRUMENT.ID.eq(instrument))
                .fetchOne().value1();
        long equipment = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, institute)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MEASUREMENT_STANDARD_ID, id)
                .set(INSTRUMENT.MANUFACTURER, "Mahr").set(INSTRUMENT.MODEL, "GB").set(INSTRUMENT.SERIAL_NO, code)
                .set(INSTRUMENT.UNIT, "mm").returningResult(INSTRUMENT.ID).fetchOne().value1();
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "NIM-" + code).set(CALIBRATION.INSTRUMENT_ID, equipment)
                .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, "JJG 146-2011")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2024, 3, 4)).set(CALIBRATION.VALID_UNTIL, validUntil)
                .set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.EXTERNAL_ISSUER, "中国计量科学研究院")
                .set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-" + code).execute();
        return id;
    }

    /** The standard's registry status from {@code from} on (its status history). */
    public void status(long standardId, String status, LocalDate from) {
        dsl.insertInto(MEASUREMENT_STANDARD_STATUS).set(MEASUREMENT_STANDARD_STATUS.STANDARD_ID, standardId)
                .set(MEASUREMENT_STANDARD_STATUS.STATUS, status).set(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM, from).set(MEASUREMENT_STANDARD_STATUS.RECORDED_BY, "test")
                .execute();
    }

    private long organization(long region, String code, String kind, String accreditation) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, code)
                .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, kind).set(ORGANIZATION.REGION_ID, region)
                .set(ORGANIZATION.ACCREDITATION_NUMBER, accreditation)
                .returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
    }

    private long user(String name, long organization) {
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, name).set(APP_USER.PASSWORD_HASH, "x")
                .set(APP_USER.DISPLAY_NAME, name).set(APP_USER.ORGANIZATION_ID, organization)
                .returningResult(APP_USER.ID).fetchOne(APP_USER.ID);
    }
}
