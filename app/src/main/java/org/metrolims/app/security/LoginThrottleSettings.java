package org.metrolims.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling ({@code lims.security.login.*}): after {@code maxFailuresPerAccount} failed logins of one account,
 * or {@code maxFailuresPerAddress} from one client address, within {@code lockFor}, further logins are refused until
 * {@code lockFor} has passed since the last counted failure.
 */
@ConfigurationProperties("lims.security.login")
record LoginThrottleSettings(@DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration lockFor) {
}
