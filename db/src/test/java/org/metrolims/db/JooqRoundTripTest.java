package org.metrolims.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.LOGIN_FAILURE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JooqRoundTripTest {

    static DSLContext dsl;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(JooqRoundTripTest.class).dsl();
    }

    @Test
    void storesAndReadsBackARegionTreeWithChineseNames() {
        long province = dsl.insertInto(REGION)
                .set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省").set(REGION.NAME_EN, "Fujian")
                .set(REGION.LEVEL, "PROVINCE")
                .returningResult(REGION.ID).fetchOne(REGION.ID);
        dsl.insertInto(REGION)
                .set(REGION.CODE, "350100").set(REGION.NAME_ZH, "福州市").set(REGION.NAME_EN, "Fuzhou")
                .set(REGION.LEVEL, "CITY").set(REGION.PARENT_ID, province)
                .execute();

        var city = dsl.selectFrom(REGION).where(REGION.CODE.eq("350100")).fetchSingle();
        assertThat(city.getNameZh()).isEqualTo("福州市");
        assertThat(city.getParentId()).isEqualTo(province);
        assertThat(dsl.fetchCount(REGION, REGION.PARENT_ID.eq(province))).isEqualTo(1);
    }

    @Test
    void keepsTwelveDecimalPlacesOfAMeasurementPoint() {
        long calibration = calibrationOfANewInstrument();
        BigDecimal nominal = new BigDecimal("0.000000123456");
        dsl.insertInto(MEASUREMENT_POINT)
                .set(MEASUREMENT_POINT.CALIBRATION_ID, calibration).set(MEASUREMENT_POINT.SEQ, 1)
                .set(MEASUREMENT_POINT.NOMINAL, nominal).set(MEASUREMENT_POINT.UNIT, "m")
                .set(MEASUREMENT_POINT.EXPANDED_UNCERTAINTY, new BigDecimal("0.000000000012"))
                .set(MEASUREMENT_POINT.COVERAGE_FACTOR, new BigDecimal("2.000"))
                .execute();
        var point = dsl.selectFrom(MEASUREMENT_POINT).where(MEASUREMENT_POINT.CALIBRATION_ID.eq(calibration)).fetchSingle();
        assertThat(point.getNominal()).isEqualByComparingTo(nominal);
        assertThat(point.getExpandedUncertainty()).isEqualByComparingTo("1.2E-11");
    }

    @Test
    void storesAnInstantColumnAsItsUtcWallClockTimeWhateverTheJvmZone() {
        Instant at = Instant.parse("2026-03-04T01:30:00.123456Z");
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        try {
            long id = dsl.insertInto(LOGIN_FAILURE).set(LOGIN_FAILURE.USERNAME, "zone-check")
                    .set(LOGIN_FAILURE.REMOTE_ADDRESS, "127.0.0.1").set(LOGIN_FAILURE.FAILED_AT, at)
                    .returningResult(LOGIN_FAILURE.ID).fetchSingle(LOGIN_FAILURE.ID);

            assertThat(dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE).where(LOGIN_FAILURE.ID.eq(id))
                    .fetchSingle(LOGIN_FAILURE.FAILED_AT)).isEqualTo(at);
            var stored = DSL.field("DATE_FORMAT({0}, '%Y-%m-%d %H:%i:%s.%f')", String.class, LOGIN_FAILURE.FAILED_AT);
            assertThat(dsl.select(stored).from(LOGIN_FAILURE).where(LOGIN_FAILURE.ID.eq(id)).fetchSingle(stored))
                    .isEqualTo("2026-03-04 01:30:00.123456");
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void refusesACalibrationReviewedByItsOwnTechnician() {
        long calibration = calibrationOfANewInstrument();
        long org = dsl.select(CALIBRATION.CUSTOMER_ORGANIZATION_ID).from(CALIBRATION)
                .where(CALIBRATION.ID.eq(calibration)).fetchSingle(CALIBRATION.CUSTOMER_ORGANIZATION_ID);
        long user = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, "tech-" + calibration)
                .set(APP_USER.PASSWORD_HASH, "{noop}x")
                .set(APP_USER.DISPLAY_NAME, "Tech")
                .set(APP_USER.ORGANIZATION_ID, org)
                .returningResult(APP_USER.ID).fetchOne(APP_USER.ID);
        assertThatThrownBy(() -> dsl.update(CALIBRATION)
                .set(CALIBRATION.TECHNICIAN_ID, user).set(CALIBRATION.REVIEWER_ID, user)
                .where(CALIBRATION.ID.eq(calibration)).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ck_calibration_reviewer");
    }

    private long calibrationOfANewInstrument() {
        long region = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchOptional(REGION.ID)
                .orElseGet(() -> dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                        .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE")
                        .returningResult(REGION.ID).fetchOne(REGION.ID));
        long n = System.nanoTime();
        long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "D" + n).set(DISCIPLINE.NAME_ZH, "长度")
                .set(DISCIPLINE.NAME_EN, "Length").set(DISCIPLINE.SORT_ORDER, 1)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
        long quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "Q" + n)
                .set(QUANTITY.NAME_ZH, "长度").set(QUANTITY.NAME_EN, "length").set(QUANTITY.SI_UNIT, "m")
                .set(QUANTITY.SI_UNIT_NAME, "metre").returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
        long type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "T" + n)
                .set(INSTRUMENT_TYPE.NAME_ZH, "卡尺").set(INSTRUMENT_TYPE.NAME_EN, "Caliper")
                .set(INSTRUMENT_TYPE.QUANTITY_ID, quantity).set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12)
                .returningResult(INSTRUMENT_TYPE.ID).fetchOne(INSTRUMENT_TYPE.ID);
        long org = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "O" + n).set(ORGANIZATION.NAME_ZH, "计量院")
                .set(ORGANIZATION.NAME_EN, "Institute").set(ORGANIZATION.KIND, "INSTITUTE")
                .set(ORGANIZATION.REGION_ID, region).returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
        long instrument = dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, org)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                .set(INSTRUMENT.MODEL, "500-196").set(INSTRUMENT.SERIAL_NO, "S" + n).set(INSTRUMENT.UNIT, "mm")
                .returningResult(INSTRUMENT.ID).fetchOne(INSTRUMENT.ID);
        return dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "C" + n)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, org)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, org).set(CALIBRATION.PROCEDURE_CODE, "JJG 30-2012")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2026, 3, 2)).set(CALIBRATION.STATUS, "DRAFT")
                .returningResult(CALIBRATION.ID).fetchOne(CALIBRATION.ID);
    }
}
