package org.metrolims.db.identity;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.LOGIN_FAILURE;
import static org.metrolims.db.jooq.Tables.LOGIN_THROTTLE_LOCK;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Failed logins and signatures (login_failure) and the throttle's per-subject lock rows (login_throttle_lock). */
@Repository
class LoginFailureRepository {

    private final DSLContext dsl;

    LoginFailureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Locks the account's throttle row until the transaction ends (creating it on first use), when the account
     * exists: attempts at one account then pass the check-and-count one at a time. A name that is no account gets no
     * row (there is no password to guess), so guessed names leave nothing behind.
     */
    void lockAccount(String username) {
        String subject = "account:" + truncate(username);
        dsl.insertInto(LOGIN_THROTTLE_LOCK, LOGIN_THROTTLE_LOCK.SUBJECT)
                .select(select(val(subject)).from(APP_USER).where(APP_USER.USERNAME.eq(username)))
                .onDuplicateKeyUpdate().set(LOGIN_THROTTLE_LOCK.SUBJECT, subject)
                .execute();
    }

    /** Locks the address's throttle row until the transaction ends (creating it on first use). */
    void lockAddress(String remoteAddress) {
        String subject = "address:" + truncate(remoteAddress);
        dsl.insertInto(LOGIN_THROTTLE_LOCK).set(LOGIN_THROTTLE_LOCK.SUBJECT, subject)
                .onDuplicateKeyUpdate().set(LOGIN_THROTTLE_LOCK.SUBJECT, subject)
                .execute();
    }

    /** Writes a pending reservation (a failure unless it is removed) and answers its id. */
    long insert(String username, String remoteAddress, String via, Instant at) {
        return dsl.insertInto(LOGIN_FAILURE)
                .set(LOGIN_FAILURE.USERNAME, truncate(username))
                .set(LOGIN_FAILURE.REMOTE_ADDRESS, truncate(remoteAddress))
                .set(LOGIN_FAILURE.VIA, via)
                .set(LOGIN_FAILURE.FAILED_AT, at)
                .set(LOGIN_FAILURE.PENDING, true)
                .returningResult(LOGIN_FAILURE.ID).fetchSingle(LOGIN_FAILURE.ID);
    }

    /** A reservation whose password proved wrong: a settled failure. */
    void settle(long id) {
        dsl.update(LOGIN_FAILURE).set(LOGIN_FAILURE.PENDING, false).where(LOGIN_FAILURE.ID.eq(id)).execute();
    }

    /** Removes a reservation whose password proved right: it was never a failure. */
    void delete(long id) {
        dsl.deleteFrom(LOGIN_FAILURE).where(LOGIN_FAILURE.ID.eq(id)).execute();
    }

    /**
     * The time of the n-th latest failure of the account since the window start and since its last reset, if it
     * has at least n.
     */
    Optional<Instant> nthLatestFailureOfAccount(String username, Instant windowStart, int n, Instant pendingBefore) {
        var reset = coalesce(select(APP_USER.FAILURES_RESET_AT).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username)).asField(), val(windowStart));
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.USERNAME.eq(truncate(username)))
                .and(LOGIN_FAILURE.FAILED_AT.gt(greatest(val(windowStart), reset)))
                .and(counted(pendingBefore))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1).offset(n - 1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT);
    }

    /** As for an account, counting logins only: a signature is always the signed-in account's own. */
    Optional<Instant> nthLatestFailureOfAddress(String remoteAddress, Instant windowStart, int n,
            Instant pendingBefore) {
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.REMOTE_ADDRESS.eq(truncate(remoteAddress)))
                .and(LOGIN_FAILURE.VIA.eq(LoginFailures.LOGIN))
                .and(LOGIN_FAILURE.FAILED_AT.gt(windowStart))
                .and(counted(pendingBefore))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1).offset(n - 1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT);
    }

    /** The latest failure of the account or from the address in the window. */
    Optional<Instant> latestFailure(String username, String remoteAddress, Instant windowStart) {
        var who = LOGIN_FAILURE.USERNAME.eq(truncate(username));
        if (remoteAddress != null) {
            who = who.or(LOGIN_FAILURE.REMOTE_ADDRESS.eq(truncate(remoteAddress)).and(LOGIN_FAILURE.VIA.eq(LoginFailures.LOGIN)));
        }
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(who).and(LOGIN_FAILURE.FAILED_AT.gt(windowStart))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT);
    }

    /**
     * Which rows count: with {@code pendingBefore} null every row, reservations still being evaluated included;
     * otherwise settled failures and reservations pending since before that instant (left by a process that died).
     */
    private static org.jooq.Condition counted(Instant pendingBefore) {
        return pendingBefore == null ? DSL.noCondition()
                : LOGIN_FAILURE.PENDING.isFalse().or(LOGIN_FAILURE.FAILED_AT.lt(pendingBefore));
    }

    private static String truncate(String s) {
        String v = s == null ? "" : s;
        return v.length() > 64 ? v.substring(0, 64) : v;
    }
}
