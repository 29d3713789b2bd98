package org.metrolims.app.schedule;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A lab of its own ("LST-LAB", user {@code lst-lab}) with the instruments its lists are tested on: three in service
 * calibrated a year apart (LST-1 overdue on 2026-11-02), one retired whose last calibration ran out long ago (LST-R),
 * one never calibrated (LST-N), one whose serial a spreadsheet would run ({@code =LST-X}), one calibrated today
 * (LST-TODAY), and {@value #MANY} more never calibrated, so that the lab has more than the 200 instruments the portal
 * used to show.
 */
public final class LabListFixture {

    public static final int MANY = 200;
    public static final String USER = "lst-lab";

    public final long lab;

    public LabListFixture(DSLContext dsl, PasswordEncoder encoder) {
        new CalibrationApiFixture(dsl, encoder, "LST", 908);
        TestAccounts.ensure(dsl, encoder);
        synchronized (LabListFixture.class) {
            var existing = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("LST-LAB"))
                    .fetchOptional(ORGANIZATION.ID);
            if (existing.isPresent()) {
                lab = existing.get();
                return;
            }
            long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
            long institute = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-INST"))
                    .fetchSingle().value1();
            lab = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "LST-LAB").set(ORGANIZATION.NAME_ZH, "列表实验室")
                    .set(ORGANIZATION.NAME_EN, "List lab").set(ORGANIZATION.KIND, "ENTERPRISE")
                    .set(ORGANIZATION.REGION_ID, province).returningResult(ORGANIZATION.ID).fetchSingle().value1();
            long user = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, USER)
                    .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD)).set(APP_USER.DISPLAY_NAME, USER)
                    .set(APP_USER.ORGANIZATION_ID, lab).returningResult(APP_USER.ID).fetchSingle().value1();
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, user).set(USER_ROLE.ROLE, "LAB").execute();
            long type = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE)
                    .where(INSTRUMENT_TYPE.CODE.eq("LST-TEST-CALIPER")).fetchSingle().value1();
            long tech = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech"))
                    .fetchSingle().value1();
            long reviewer = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech-2"))
                    .fetchSingle().value1();
            calibrate(dsl, instrument(dsl, type, "LST-1", "IN_SERVICE"), institute, tech, reviewer, LocalDate.of(2025, 10, 20));
            calibrate(dsl, instrument(dsl, type, "LST-2", "IN_SERVICE"), institute, tech, reviewer, LocalDate.of(2025, 11, 20));
            calibrate(dsl, instrument(dsl, type, "LST-3", "IN_SERVICE"), institute, tech, reviewer, LocalDate.of(2026, 6, 1));
            calibrate(dsl, instrument(dsl, type, "LST-R", "RETIRED"), institute, tech, reviewer, LocalDate.of(2024, 1, 10));
            instrument(dsl, type, "LST-N", "IN_SERVICE");
            calibrate(dsl, instrument(dsl, type, "=LST-X", "IN_SERVICE"), institute, tech, reviewer, LocalDate.of(2026, 1, 5));
            calibrate(dsl, instrument(dsl, type, "LST-TODAY", "IN_SERVICE"), institute, tech, reviewer,
                    LocalDate.now(ZoneOffset.UTC));
            var insert = dsl.insertInto(INSTRUMENT, INSTRUMENT.OWNER_ORGANIZATION_ID, INSTRUMENT.INSTRUMENT_TYPE_ID,
                    INSTRUMENT.MANUFACTURER, INSTRUMENT.MODEL, INSTRUMENT.SERIAL_NO, INSTRUMENT.UNIT, INSTRUMENT.STATUS);
            for (int i = 0; i < MANY; i++) {
                insert = insert.values(lab, type, "Mitutoyo", "LST", "LST-M-%03d".formatted(i), "mm", "IN_SERVICE");
            }
            insert.execute();
        }
    }

    /** Instruments of the lab: the named ones and the {@value #MANY} others. */
    public static int instruments() {
        return 7 + MANY;
    }

    private long instrument(DSLContext dsl, long type, String serial, String status) {
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, lab)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                .set(INSTRUMENT.MODEL, "LST").set(INSTRUMENT.SERIAL_NO, serial).set(INSTRUMENT.UNIT, "mm")
                .set(INSTRUMENT.STATUS, status).returningResult(INSTRUMENT.ID).fetchSingle().value1();
    }

    private void calibrate(DSLContext dsl, long instrument, long institute, long tech, long reviewer, LocalDate on) {
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "LST-C-" + instrument)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, lab)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, "JJG 30-2012")
                .set(CALIBRATION.CALIBRATED_ON, on).set(CALIBRATION.VALID_UNTIL, on.plusYears(1))
                .set(CALIBRATION.TECHNICIAN_ID, tech).set(CALIBRATION.REVIEWER_ID, reviewer)
                .set(CALIBRATION.APPROVED_AT, on.atTime(16, 0).toInstant(ZoneOffset.UTC))
                .set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.AS_FOUND, "IN_TOLERANCE").execute();
    }
}
