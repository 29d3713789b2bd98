package org.metrolims.archfixture.calibration.leaky;

import org.jooq.DSLContext;

/** A repository: jOOQ is allowed here, and its own package may use it. */
public class LeakyRepository {

    private final DSLContext dsl;

    public LeakyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public int count() {
        return dsl.fetchCount(org.jooq.impl.DSL.table("instrument"));
    }
}
