package org.metrolims.demo;

import java.time.LocalDate;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The schedule part of the demo province, in set-based statements. */
@Repository
class ScheduleDemoRepository {

    private final DSLContext dsl;

    ScheduleDemoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every performing lab's weekly capacity per discipline: its average weekly due work over the 12 weeks
     * after {@code anchor} times a factor between 0.95 and 1.44 drawn from (seed, lab, discipline), so that
     * some labs have spare capacity and some have weeks over it.
     */
    int capacities(LocalDate anchor, long seed) {
        return dsl.execute("""
                INSERT INTO lab_capacity (organization_id, discipline_id, weekly_capacity, updated_by)
                SELECT s.performing_organization_id, s.discipline_id,
                       GREATEST(1, CEIL(COUNT(*) / 12.0
                           * (0.95 + MOD(s.performing_organization_id * 31 + s.discipline_id * 17 + ?, 50) / 100.0))),
                       'demo'
                FROM calibration_schedule s
                WHERE s.performing_organization_id IS NOT NULL AND s.instrument_status = 'IN_SERVICE'
                  AND s.due_on BETWEEN ? AND ?
                GROUP BY s.performing_organization_id, s.discipline_id
                ON DUPLICATE KEY UPDATE weekly_capacity = VALUE(weekly_capacity)
                """, Math.floorMod(seed, 1000), anchor, anchor.plusWeeks(12));
    }
}
