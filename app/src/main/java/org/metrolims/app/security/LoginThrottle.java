package org.metrolims.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.metrolims.db.identity.LoginFailures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** How long an attempt waits for parallel ones to settle before it is refused as if locked. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(10);
    /** A reservation pending longer than this was left by a process that died: it counts as a failure. */
    static final Duration PENDING_AT_MOST = Duration.ofSeconds(60);

    private final LoginFailures failures;
    private final LoginThrottleSettings settings;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    /** Throttle checks holding a connection at once (see {@link LoginThrottleSettings#concurrentChecks}). */
    private final Semaphore checks;

    @Autowired
    LoginThrottle(LoginFailures failures, LoginThrottleSettings settings,
            PlatformTransactionManager transactions) {
        this(failures, settings, transactions, Clock.systemUTC());
    }

    LoginThrottle(LoginFailures failures, LoginThrottleSettings settings,
            PlatformTransactionManager transactions, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.checks = new Semaphore(settings.concurrentChecks(), true);
    }

    /**
     * Reserves an attempt at the account's password, before it is evaluated, or answers the lock that refuses it.
     * Each try runs in its own short transaction, which holds the account's throttle row (then the address's, for a
     * login) while it counts and writes, so two attempts never count the same failures. Settled failures at the
     * limit are a lock; settled and pending ones together at the limit make the attempt wait for the pending ones
     * to settle (a right password removes its reservation, a wrong one settles it as a failure), so parallel right
     * passwords are never taken for a lock and parallel guesses never reach more passwords than the limit. A
     * signature counts against the account alone.
     */
    Reservation reserve(String username, String remoteAddress, Via via) {
        Instant giveUp = clock.instant().plus(SETTLE_WAIT);
        while (true) {
            Reservation reservation = checked(username, remoteAddress, via, giveUp);
            if (reservation != null) {
                return reservation;
            }
            if (!clock.instant().isBefore(giveUp)) {
                // parallel attempts at the limit kept it busy throughout: refused as a lock is, briefly
                return new Reservation(0, clock.instant().plusSeconds(1));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for parallel logins to settle", e);
            }
        }
    }

    /**
     * One try, in its own transaction, once one of the {@code concurrentChecks} turns is free: null when attempts
     * still being evaluated fill the limit. No turn before {@code giveUp} is the service being overloaded, answered
     * as a database that cannot be reached is (503), not as a lock: no password was looked at.
     */
    private Reservation checked(String username, String remoteAddress, Via via, Instant giveUp) {
        long waitMs = Math.max(0, Duration.between(clock.instant(), giveUp).toMillis());
        try {
            if (!checks.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                throw new TransientDataAccessResourceException("no turn to check the login within "
                        + SETTLE_WAIT.toSeconds() + " s: " + settings.concurrentChecks() + " checks busy throughout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to check a login", e);
        }
        try {
            return ownTransaction.execute(status -> tryReserve(username, remoteAddress, via));
        } finally {
            checks.release();
        }
    }

    /** A reservation, a lock, or null when attempts still being evaluated fill the limit. */
    private Reservation tryReserve(String username, String remoteAddress, Via via) {
        failures.lockAccount(username);
        String countedAddress = via == Via.LOGIN ? remoteAddress : null;
        if (countedAddress != null) {
            failures.lockAddress(countedAddress);
        }
        Instant now = clock.instant();
        Optional<Instant> until = lockedUntil(username, countedAddress, now.minus(PENDING_AT_MOST));
        if (until.isPresent()) {
            return new Reservation(0, until.get());
        }
        if (atLimit(username, countedAddress, null)) {
            return null;
        }
        long id = failures.reserve(username, remoteAddress == null ? "unknown" : remoteAddress,
                via == Via.LOGIN ? LoginFailures.LOGIN : LoginFailures.SIGNATURE, now);
        return new Reservation(id, null);
    }

    /** The reserved attempt's password was right: it is not a failure. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(Reservation reservation) {
        if (!reservation.locked()) {
            failures.remove(reservation.failureId());
        }
    }

    /** The reserved attempt's password was wrong (or the account refused): it is a settled failure. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(Reservation reservation) {
        if (!reservation.locked()) {
            failures.settle(reservation.failureId());
        }
    }

    /** When the account or the address is locked now, the instant the lock ends. */
    @Transactional(readOnly = true)
    Optional<Instant> lockedUntil(String username, String remoteAddress) {
        return lockedUntil(username, remoteAddress, clock.instant().minus(PENDING_AT_MOST));
    }

    private Optional<Instant> lockedUntil(String username, String remoteAddress, Instant pendingBefore) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.lockFor());
        if (!atLimit(username, remoteAddress, pendingBefore)) {
            return Optional.empty();
        }
        return failures.latest(username, remoteAddress, windowStart)
                .map(last -> last.plus(settings.lockFor()))
                .filter(until -> until.isAfter(now));
    }

    /** Whether the account's or the address's counted failures in the window reach their limit. */
    private boolean atLimit(String username, String remoteAddress, Instant pendingBefore) {
        Instant windowStart = clock.instant().minus(settings.lockFor());
        return failures.nthLatestOfAccount(username, windowStart, settings.maxFailuresPerAccount(),
                        pendingBefore).isPresent()
                || remoteAddress != null && failures.nthLatestOfAddress(remoteAddress, windowStart,
                        settings.maxFailuresPerAddress(), pendingBefore).isPresent();
    }

    /** A person proved the account's password (an interactive login or a signature): its count starts again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String username) {
        failures.resetAccount(username, clock.instant());
    }
}
