package org.metrolims.archfixture.demo;

import org.jooq.DSLContext;
import org.metrolims.archfixture.calibration.leaky.LeakyRepository;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo module is checked like any domain module, with no exception: its call of another feature's repository,
 * its own jOOQ query outside a repository and its use of the security API are all reported.
 */
public class DemoWriter {

    public int write(DSLContext dsl, LeakyRepository repository, PasswordEncoder encoder) {
        return dsl.fetchCount(org.jooq.impl.DSL.table("region")) + repository.count() + encoder.encode("x").length();
    }
}
