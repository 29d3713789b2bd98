package org.metrolims.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.DueFilter;
import org.metrolims.db.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The due list of the whole province and one lab's 12-week plan on a demo province; off by default (the
 * load takes minutes at scale 10). Prints the median of 15 timed runs after 5 warm-up runs:
 * {@code ./mvnw -B -pl app -am test -Dtest=ScheduleBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlims.schedule.bench=true -Dlims.demo.scale=1} (or 3, 10). Targets: due list under 200 ms, plan under 1 s.
 */
@EnabledIfSystemProperty(named = "lims.schedule.bench", matches = "true")
@SpringBootTest(properties = {"lims.demo.enabled=true", "lims.recall.enabled=false"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ScheduleBench {

    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

    @Autowired CalibrationSchedules schedules;
    @Autowired DSLContext dsl;

    @Test
    void provinceDueListAndOneLabsPlan() {
        long scheduled = dsl.fetchCount(CALIBRATION_SCHEDULE);
        // the lab that performs the most calibrations: the provincial institute
        long lab = dsl.select(CALIBRATION_SCHEDULE.PERFORMING_ORGANIZATION_ID).from(CALIBRATION_SCHEDULE)
                .where(CALIBRATION_SCHEDULE.PERFORMING_ORGANIZATION_ID.isNotNull())
                .groupBy(CALIBRATION_SCHEDULE.PERFORMING_ORGANIZATION_ID)
                .orderBy(org.jooq.impl.DSL.count().desc()).limit(1).fetchSingle().value1();
        String code = dsl.select(ORGANIZATION.CODE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(lab)).fetchSingle().value1();
        var filter = DueFilter.province(ANCHOR, ANCHOR.plusDays(30));
        var first = schedules.due(filter, new PageRequest(0, 50));
        var plan = schedules.plan(lab, ANCHOR, 12);
        assertThat(first.items()).isNotEmpty();

        double dueMs = median(() -> schedules.due(filter, new PageRequest(0, 50)));
        double planMs = median(() -> schedules.plan(lab, ANCHOR, 12));
        System.out.printf("%nSchedule bench, demo scale %s: %,d instruments scheduled%n",
                System.getProperty("lims.demo.scale", "1"), scheduled);
        System.out.printf("  province due list (overdue + due in 30 days, page of 50 + count of %,d): %.1f ms median%n",
                first.totalItems(), dueMs);
        System.out.printf("  %s 12-week plan (%,d jobs, %d weeks over capacity): %.1f ms median%n%n", code,
                plan.jobs().size(), plan.weeksOverCapacity().size(), planMs);
        assertThat(Optional.of(plan.weeks())).contains(12);
    }

    private static double median(Supplier<?> run) {
        for (int i = 0; i < 5; i++) {
            run.get();
        }
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
