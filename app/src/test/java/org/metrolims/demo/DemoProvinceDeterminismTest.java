package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.demo.DemoFixtures.SEED;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/**
 * The same seed and scale give the same province, row for row, in two databases; another seed
 * gives another. Password hashes are left out: bcrypt salts each hash, so they differ by design.
 */
class DemoProvinceDeterminismTest {

    static final List<Table<?>> TABLES = List.of(REGION, QUANTITY, ORGANIZATION, ORGANIZATION_SCOPE, USER_ROLE,
            MEASUREMENT_STANDARD, MEASUREMENT_STANDARD_STATUS, STANDARD_ASSESSMENT_CERTIFICATE, INSTRUMENT, CALIBRATION,
            CALIBRATION_REFERENCE_STANDARD, MEASUREMENT_POINT);

    static Map<String, String> first;
    static Map<String, String> second;
    static Map<String, String> otherSeed;

    @BeforeAll
    static void loadThreeProvinces() {
        first = loadAndHash(SEED);
        second = loadAndHash(SEED);
        otherSeed = loadAndHash(SEED + 1);
    }

    @Test
    void loadsTheSameRowsFromTheSameSeedAndScale() {
        assertThat(second).isEqualTo(first);
    }

    @Test
    void loadsOtherStandardsAndCalibrationsFromAnotherSeed() {
        assertThat(otherSeed.get("measurement_standard")).isNotEqualTo(first.get("measurement_standard"));
        assertThat(otherSeed.get("calibration")).isNotEqualTo(first.get("calibration"));
        assertThat(otherSeed.get("measurement_point")).isNotEqualTo(first.get("measurement_point"));
        // the region tree is reference data, not drawn from the seed
        assertThat(otherSeed.get("region")).isEqualTo(first.get("region"));
    }

    private static Map<String, String> loadAndHash(long seed) {
        DSLContext dsl = DemoFixtures.dsl(TestDatabase.newSchema(DemoProvinceDeterminismTest.class));
        assertThat(DemoFixtures.loader(dsl, true, seed, DemoFixtures.SMALL).loadIfEmpty()).isTrue();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Table<?> table : TABLES) {
            hashes.put(table.getName(), DemoFixtures.checksum(dsl, table));
        }
        hashes.put("app_user", DemoFixtures.checksum(dsl, APP_USER, APP_USER.PASSWORD_HASH));
        return hashes;
    }
}
