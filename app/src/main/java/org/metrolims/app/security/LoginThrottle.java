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
 *
 * <p>The check and the count are one step: {@link #reserve} locks the account's (and the address's) throttle row,
 * checks the count and writes the attempt as a failure before anyone evaluates the password; {@link #release}
 * removes it again when the password proves right. Parallel attempts therefore queue at the row lock for a few
 * milliseconds instead of all passing the check during their password hashing, and at most the limit of them ever
 * reach the password. Wrong passwords re-entered for electronic signatures are counted the same way, against the
 * account only.
 */
@Service
class LoginThrottle {

    /** How a password arrived: a login (form or HTTP Basic) or an electronic signature. */
    enum Via { LOGIN, SIGNATURE }

    /** A reserved attempt ({@code failureId}), or the end of the lock that refused one. */
    record Reservation(long failureId, Instant lockedUntil) {

        boolean locked() {
            return lockedUntil != null;
        }
    }

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

    /**
     * Reserves an attempt at the account's password, before it is evaluated, or answers the lock that refuses it.
     * In its own short transaction, which holds the account's throttle row (then the address's, for a login) while
     * it counts and writes, so two attempts never count the same failures. A signature counts against the account
     * alone.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Reservation reserve(String username, String remoteAddress, Via via) {
        failures.lockAccount(username);
        String countedAddress = via == Via.LOGIN ? remoteAddress : null;
        if (countedAddress != null) {
            failures.lockAddress(countedAddress);
        }
        Optional<Instant> until = lockedUntil(username, countedAddress);
        if (until.isPresent()) {
            return new Reservation(0, until.get());
        }
        long id = failures.insert(username, remoteAddress == null ? "unknown" : remoteAddress,
                via == Via.LOGIN ? LoginFailureRepository.LOGIN : LoginFailureRepository.SIGNATURE, clock.instant());
        return new Reservation(id, null);
    }

    /** The reserved attempt's password was right: it is not a failure. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(Reservation reservation) {
        if (!reservation.locked()) {
            failures.delete(reservation.failureId());
        }
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

    /** A person proved the account's password (an interactive login or a signature): its count starts again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        failures.resetAccount(username, clock.instant());
    }
}
