package org.metrolims.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per client address in the database, so that every instance of the
 * application agrees on a lock (OWASP ASVS 2.2.1: anti-automation against credential stuffing and brute force).
 * A successful login resets the account's count; an address's count only ages out.
 */
@Service
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    @Autowired
    LoginThrottle(LoginFailureRepository failures, LoginThrottleSettings settings) {
        this(failures, settings, Clock.systemUTC());
    }

    LoginThrottle(LoginFailureRepository failures, LoginThrottleSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** When the account or the address is locked now, the instant the lock ends. */
    @Transactional(readOnly = true)
    Optional<Instant> lockedUntil(String username, String remoteAddress) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.lockFor());
        Optional<Instant> account = failures.nthLatestFailureOfAccount(username, windowStart,
                settings.maxFailuresPerAccount());
        Optional<Instant> address = remoteAddress == null ? Optional.empty()
                : failures.nthLatestFailureOfAddress(remoteAddress, windowStart, settings.maxFailuresPerAddress());
        return account.or(() -> address)
                .flatMap(ignored -> failures.latestFailure(username, remoteAddress, windowStart))
                .map(last -> last.plus(settings.lockFor()))
                .filter(until -> until.isAfter(now));
    }

    /** Records a failure; in its own transaction, as the request that failed has nothing to commit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String username, String remoteAddress) {
        failures.insert(username, remoteAddress == null ? "unknown" : remoteAddress, clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        failures.resetAccount(username, clock.instant());
    }
}
