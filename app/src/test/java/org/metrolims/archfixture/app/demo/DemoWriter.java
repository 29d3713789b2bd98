package org.metrolims.archfixture.app.demo;

import org.jooq.DSLContext;
import org.metrolims.archfixture.calibration.leaky.LeakyRepository;

/**
 * On the temporary exception list (the demo generator): its call of another feature's repository is not reported; its
 * own jOOQ query is, as the jOOQ rule has no exception.
 */
public class DemoWriter {

    public int write(DSLContext dsl, LeakyRepository repository) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("region")) + repository.count();
    }
}
