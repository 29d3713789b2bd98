package org.metrolims.app.calibration;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.metrolims.app.TestAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Calibration test data on the shared application schema: a second technician at T-INST ("test-tech-2", so that
 * someone can approve what test-tech performed), a length quantity, an instrument owned by T-LAB-A and a reference
 * standard of T-INST. Codes are prefixed CAL-TEST so that other test classes see nothing of it; a class whose
 * calibrations must not become the latest of this instrument (the lab portal shows the latest) takes its own prefix.
 */
public final class CalibrationApiFixture {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor TECH_2 = httpBasic("test-tech-2", TestAccounts.PASSWORD);
    static final RequestPostProcessor OFFICER = httpBasic("test-officer", TestAccounts.PASSWORD);
    static final RequestPostProcessor ADMIN = httpBasic("test-admin", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_A = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_B = httpBasic("test-lab-b", TestAccounts.PASSWORD);

    public final long instrument;
    public final long standard;
    public final long labA;
    public final long institute;

    public CalibrationApiFixture(DSLContext dsl, PasswordEncoder encoder) {
        this(dsl, encoder, "CAL", 901);
    }

    /** The same data under codes {@code <prefix>-TEST-...}, its discipline sorted at {@code sortOrder}. */
    public CalibrationApiFixture(DSLContext dsl, PasswordEncoder encoder, String prefix, int sortOrder) {
        String p = prefix + "-TEST";
        TestAccounts.ensure(dsl, encoder);
        synchronized (CalibrationApiFixture.class) {
            institute = org(dsl, "T-INST");
            labA = org(dsl, "T-LAB-A");
            if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("test-tech-2"))) {
                long id = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "test-tech-2")
                        .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD))
                        .set(APP_USER.DISPLAY_NAME, "test-tech-2").set(APP_USER.ORGANIZATION_ID, institute)
                        .returningResult(APP_USER.ID).fetchSingle().value1();
                dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "TECHNICIAN").execute();
            }
            if (!dsl.fetchExists(INSTRUMENT_TYPE, INSTRUMENT_TYPE.CODE.eq(p + "-CALIPER"))) {
                long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
                long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, p + "-LENGTH")
                        .set(DISCIPLINE.NAME_ZH, "几何量").set(DISCIPLINE.NAME_EN, "Length").set(DISCIPLINE.SORT_ORDER, sortOrder)
                        .returningResult(DISCIPLINE.ID).fetchSingle().value1();
                long quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline)
                        .set(QUANTITY.CODE, p + "-LENGTH").set(QUANTITY.NAME_ZH, "长度").set(QUANTITY.NAME_EN, "length")
                        .set(QUANTITY.SI_UNIT, "m").set(QUANTITY.SI_UNIT_NAME, "metre")
                        .returningResult(QUANTITY.ID).fetchSingle().value1();
                long type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, p + "-CALIPER")
                        .set(INSTRUMENT_TYPE.NAME_ZH, "卡尺").set(INSTRUMENT_TYPE.NAME_EN, "Caliper")
                        .set(INSTRUMENT_TYPE.QUANTITY_ID, quantity).set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12)
                        .returningResult(INSTRUMENT_TYPE.ID).fetchSingle().value1();
                dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, labA)
                        .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                        .set(INSTRUMENT.MODEL, p).set(INSTRUMENT.SERIAL_NO, p + "-1")
                        .set(INSTRUMENT.UNIT, "mm").execute();
                dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, p + "-STD")
                        .set(MEASUREMENT_STANDARD.NAME_ZH, "量块标准装置").set(MEASUREMENT_STANDARD.NAME_EN, "Gauge blocks")
                        .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                        .set(MEASUREMENT_STANDARD.LEVEL, "PROVINCIAL_PUBLIC")
                        .set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                        .set(MEASUREMENT_STANDARD.REGION_ID, province).set(MEASUREMENT_STANDARD.UNIT, "mm")
                        .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.0002"))
                        .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE")
                        .set(MEASUREMENT_STANDARD.ESTABLISHED_ON, LocalDate.of(2020, 1, 1)).execute();
            }
            instrument = dsl.select(INSTRUMENT.ID).from(INSTRUMENT).where(INSTRUMENT.SERIAL_NO.eq(p + "-1"))
                    .fetchSingle().value1();
            standard = dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD)
                    .where(MEASUREMENT_STANDARD.CODE.eq(p + "-STD")).fetchSingle().value1();
        }
    }

    /**
     * A new standard of the institute like the fixture's, whose equipment's calibration by the national metrology
     * institute (2024-03-04) was valid until {@code validUntil}: overdue for the drafts (calibrated on 2025-03-03)
     * when that is before 2025-03-03. Returns its id; its code is {@code CAL-OD-<n>}.
     */
    public long standardValidUntil(DSLContext dsl, LocalDate validUntil) {
        String code = "CAL-OD-" + System.nanoTime();
        var s = MEASUREMENT_STANDARD;
        var copy = dsl.selectFrom(s).where(s.ID.eq(standard)).fetchSingle();
        copy.changed(s.ID, false);
        copy.setId(null);
        copy.setCode(code);
        copy.setNameEn("Overdue gauge blocks " + code);
        copy.setNameZh("超期量块 " + code);
        copy.store();
        long id = copy.getId();
        long type = dsl.select(INSTRUMENT.INSTRUMENT_TYPE_ID).from(INSTRUMENT).where(INSTRUMENT.ID.eq(instrument))
                .fetchSingle().value1();
        long equipment = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, institute)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MEASUREMENT_STANDARD_ID, id)
                .set(INSTRUMENT.MANUFACTURER, "Mahr").set(INSTRUMENT.MODEL, "GB").set(INSTRUMENT.SERIAL_NO, code)
                .set(INSTRUMENT.UNIT, "mm").returningResult(INSTRUMENT.ID).fetchSingle().value1();
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "NIM-" + code).set(CALIBRATION.INSTRUMENT_ID, equipment)
                .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, "JJG 146-2011")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2024, 3, 4)).set(CALIBRATION.VALID_UNTIL, validUntil)
                .set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.EXTERNAL_ISSUER, "中国计量科学研究院")
                .set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-" + code).execute();
        return id;
    }

    /** A draft body with one point at 10 mm; {@code point} replaces the point when given. */
    String draft(String point) {
        return """
                {"instrumentId":%d,"procedureCode":"JJG 30-2012","receivedOn":"2025-03-01","calibratedOn":"2025-03-03",
                 "validUntil":"2026-03-02","referenceStandardIds":[%d],"temperatureC":20.1,"relativeHumidityPct":45,
                 "asFound":"IN_TOLERANCE","asLeft":"IN_TOLERANCE","decisionRule":"SIMPLE_ACCEPTANCE",
                 "points":[%s]}""".formatted(instrument, standard, point == null ? POINT : point);
    }

    public String draft() {
        return draft(null);
    }

    static final String POINT = """
            {"nominal":10,"unit":"mm","readings":[10.0002,10.0004,10.0003],"tolerance":1,"toleranceUnit":"µm",
             "components":[{"name":"reference","distribution":"normal","expandedUncertainty":0.0002,"coverageFactor":2},
                           {"name":"resolution","distribution":"rectangular","halfWidth":0.00005}]}""";

    private static long org(DSLContext dsl, String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchSingle().value1();
    }
}
