package org.metrolims.archfixture.calibration.leaky;

import org.jooq.DSLContext;

/** Breaks "jOOQ only in repositories": a service running its own query. Uses its own repository, which is allowed. */
public class LeakyService {

    private final DSLContext dsl;
    private final LeakyRepository repository;

    public LeakyService(DSLContext dsl, LeakyRepository repository) {
        this.dsl = dsl;
        this.repository = repository;
    }

    public int count() {
        return dsl.fetchCount(org.jooq.impl.DSL.table("standard")) + repository.count();
    }
}
