package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.demo.DemoFixtures.SEED;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.metrolims.db.TestDatabase;

/**
 * How long a full-scale load takes; off by default because it takes tens of seconds. Run it with
 * {@code ./mvnw -pl app -am test -Dtest=DemoProvinceLoadTiming -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlims.demo.timing=true} (add {@code -Dlims.demo.timing.scale=10} for a larger province); the
 * loader logs the time and the counts per table.
 */
@EnabledIfSystemProperty(named = "lims.demo.timing", matches = "true")
class DemoProvinceLoadTiming {

    @Test
    void loadsAFullScaleProvince() {
        double scale = Double.parseDouble(System.getProperty("lims.demo.timing.scale", "1"));
        DSLContext dsl = DemoFixtures.dsl(TestDatabase.newSchema(DemoProvinceLoadTiming.class));
        long started = System.nanoTime();
        assertThat(DemoFixtures.loader(dsl, true, SEED, scale).loadIfEmpty()).isTrue();
        System.out.printf("Demo province at scale %s loaded in %.1f s%n", scale, (System.nanoTime() - started) / 1e9);
    }
}
