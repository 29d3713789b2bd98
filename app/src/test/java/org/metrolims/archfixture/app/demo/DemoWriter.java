package org.metrolims.archfixture.app.demo;

import org.jooq.DSLContext;
import org.metrolims.archfixture.calibration.leaky.LeakyRepository;

/** On the temporary exception list (the demo generator): jOOQ and another feature's repository are not reported. */
public class DemoWriter {

    public int write(DSLContext dsl, LeakyRepository repository) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("region")) + repository.count();
    }
}
