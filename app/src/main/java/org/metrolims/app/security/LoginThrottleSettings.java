package org.metrolims.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code lims.security.login.*}): after {@code maxFailuresPerAccount} failed logins of one account,
 * or {@code maxFailuresPerAddress} from one client address, within {@code lockFor}, further logins are refused until
 * {@code lockFor} has passed since the last counted failure. At most {@code concurrentChecks} logins and signatures
 * hold a pooled database connection for their throttle check at once; the others wait for their turn without one,
 * so that a burst of sign-ins (which queue on one address's throttle row anyway) never takes the pool from the
 * other requests.
 */
@ConfigurationProperties("lims.security.login")
record LoginThrottleSettings(@DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration lockFor,
        @DefaultValue("4") int concurrentChecks) {

    LoginThrottleSettings {
        if (concurrentChecks < 1) {
            throw new IllegalArgumentException("lims.security.login.concurrent-checks must be at least 1");
        }
    }
}
