package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.demo.DemoFixtures.SEED;
import static org.metrolims.db.jooq.Sequences.CALIBRATION_NO_SEQ;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.INSTALLATION_FACT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REGION;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/** When the runner loads the demo province, and when it must not. */
class DemoProvinceLoaderTest {

    private static final double TINY = 0.01;

    @Test
    void loadsTheProvinceOnceAndDoesNothingOnTheNextStart() {
        DSLContext dsl = freshSchema();
        assertThat(DemoFixtures.loader(dsl, true, SEED, TINY).loadIfEmpty()).isTrue();
        int calibrations = dsl.fetchCount(CALIBRATION);
        int points = dsl.fetchCount(MEASUREMENT_POINT);
        String loadedAt = fact(dsl, DemoProvinceLoader.LOADED_AT);
        assertThat(calibrations).isPositive();

        assertThat(DemoFixtures.loader(dsl, true, SEED, TINY).loadIfEmpty()).isFalse();

        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(calibrations);
        assertThat(dsl.fetchCount(MEASUREMENT_POINT)).isEqualTo(points);
        assertThat(dsl.fetchCount(AUDIT_EVENT)).isEqualTo(1);
        assertThat(fact(dsl, DemoProvinceLoader.LOADED_AT)).isEqualTo(loadedAt);
        // numbers drawn for new calibrations come after the demo's
        assertThat(dsl.nextval(CALIBRATION_NO_SEQ)).isEqualTo(calibrations + 1L);
    }

    @Test
    void refusesToStartOnAHalfLoadedProvinceAndSaysToDeleteTheDataFolder() {
        DSLContext dsl = freshSchema();
        // what a load that died after its first steps leaves behind
        new DemoProvinceRepository(dsl).recordFact(DemoProvinceLoader.SEED, Long.toString(SEED));
        dsl.insertInto(REGION).set(REGION.ID, 1L).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").execute();

        assertThatThrownBy(() -> DemoFixtures.loader(dsl, true, SEED, TINY).loadIfEmpty())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partly loaded")
                .hasMessageContaining("./data/mariadb");
        assertThat(dsl.fetchCount(REGION)).isEqualTo(1);
    }

    @Test
    void leavesADatabaseWithItsOwnOrganizationsAlone() {
        DSLContext dsl = freshSchema();
        long region = dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").returningResult(REGION.ID)
                .fetchSingle().value1();
        dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "REAL").set(ORGANIZATION.NAME_ZH, "真实机构")
                .set(ORGANIZATION.NAME_EN, "A real organization").set(ORGANIZATION.KIND, "INSTITUTE")
                .set(ORGANIZATION.REGION_ID, region).execute();

        assertThat(DemoFixtures.loader(dsl, true, SEED, TINY).loadIfEmpty()).isFalse();

        assertThat(dsl.fetchCount(ORGANIZATION)).isEqualTo(1);
        assertThat(dsl.fetchCount(INSTALLATION_FACT)).isZero();
    }

    @Test
    void loadsNothingWhenTheDemoIsDisabled() {
        DSLContext dsl = freshSchema();
        assertThat(DemoFixtures.loader(dsl, false, SEED, TINY).loadIfEmpty()).isFalse();
        assertThat(dsl.fetchCount(REGION)).isZero();
        assertThat(dsl.fetchCount(INSTALLATION_FACT)).isZero();
    }

    private static DSLContext freshSchema() {
        return DemoFixtures.dsl(TestDatabase.newSchema(DemoProvinceLoaderTest.class));
    }

    private static String fact(DSLContext dsl, String name) {
        return dsl.select(INSTALLATION_FACT.VALUE).from(INSTALLATION_FACT).where(INSTALLATION_FACT.NAME.eq(name))
                .fetchSingle().value1();
    }
}
