package org.metrolims.db.identity;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Failed logins and signatures as the login throttle counts them: reservations written before a password is
 * evaluated, settled as failures or removed, and the per-account and per-address lock rows that serialise attempts.
 * The throttle (web layer) decides the limits and runs each step in its own transaction; these methods join it.
 */
@Service
public class LoginFailures {

    /** A failure met at a login (counted against the account and the address). */
    public static final String LOGIN = "LOGIN";
    /** A failure met at a signature (counted against the account alone). */
    public static final String SIGNATURE = "SIGNATURE";

    private final LoginFailureRepository failures;
    private final UserRepository users;

    LoginFailures(LoginFailureRepository failures, UserRepository users) {
        this.failures = failures;
        this.users = users;
    }

    /** Locks the account's throttle row until the transaction ends, when the account exists. */
    public void lockAccount(String username) {
        failures.lockAccount(username);
    }

    /** Locks the address's throttle row until the transaction ends. */
    public void lockAddress(String remoteAddress) {
        failures.lockAddress(remoteAddress);
    }

    /** Writes a pending reservation ({@code via} {@link #LOGIN} or {@link #SIGNATURE}) and answers its id. */
    public long reserve(String username, String remoteAddress, String via, Instant at) {
        return failures.insert(username, remoteAddress, via, at);
    }

    /** A reservation whose password proved wrong: a settled failure. */
    public void settle(long id) {
        failures.settle(id);
    }

    /** Removes a reservation whose password proved right: it was never a failure. */
    public void remove(long id) {
        failures.delete(id);
    }

    /** The account's failures before {@code at} no longer count (a person proved its password). */
    public void resetAccount(String username, Instant at) {
        users.resetFailures(username, at);
    }

    /** The time of the n-th latest failure of the account in the window since its last reset, if it has n. */
    public Optional<Instant> nthLatestOfAccount(String username, Instant windowStart, int n, Instant pendingBefore) {
        return failures.nthLatestFailureOfAccount(username, windowStart, n, pendingBefore);
    }

    /** As for an account, counting logins only. */
    public Optional<Instant> nthLatestOfAddress(String remoteAddress, Instant windowStart, int n,
            Instant pendingBefore) {
        return failures.nthLatestFailureOfAddress(remoteAddress, windowStart, n, pendingBefore);
    }

    /** The latest failure of the account or from the address in the window. */
    public Optional<Instant> latest(String username, String remoteAddress, Instant windowStart) {
        return failures.latestFailure(username, remoteAddress, windowStart);
    }
}
