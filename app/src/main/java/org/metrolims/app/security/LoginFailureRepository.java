package org.metrolims.app.security;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.LOGIN_FAILURE;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class LoginFailureRepository {

    private final DSLContext dsl;

    LoginFailureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String username, String remoteAddress, Instant at) {
        dsl.insertInto(LOGIN_FAILURE)
                .set(LOGIN_FAILURE.USERNAME, truncate(username))
                .set(LOGIN_FAILURE.REMOTE_ADDRESS, truncate(remoteAddress))
                .set(LOGIN_FAILURE.FAILED_AT, utc(at))
                .execute();
    }

    void resetAccount(String username, Instant at) {
        dsl.update(APP_USER).set(APP_USER.FAILURES_RESET_AT, utc(at)).where(APP_USER.USERNAME.eq(username)).execute();
    }

    /**
     * The time of the n-th latest failure of the account since the window start and since its last reset, if it
     * has at least n.
     */
    Optional<Instant> nthLatestFailureOfAccount(String username, Instant windowStart, int n) {
        var reset = coalesce(select(APP_USER.FAILURES_RESET_AT).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username)).asField(), val(utc(windowStart)));
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.USERNAME.eq(truncate(username)))
                .and(LOGIN_FAILURE.FAILED_AT.gt(greatest(val(utc(windowStart)), reset)))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1).offset(n - 1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT).map(LoginFailureRepository::instant);
    }

    Optional<Instant> nthLatestFailureOfAddress(String remoteAddress, Instant windowStart, int n) {
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.REMOTE_ADDRESS.eq(truncate(remoteAddress)))
                .and(LOGIN_FAILURE.FAILED_AT.gt(utc(windowStart)))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1).offset(n - 1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT).map(LoginFailureRepository::instant);
    }

    /** The latest failure of the account or from the address in the window. */
    Optional<Instant> latestFailure(String username, String remoteAddress, Instant windowStart) {
        var who = LOGIN_FAILURE.USERNAME.eq(truncate(username));
        if (remoteAddress != null) {
            who = who.or(LOGIN_FAILURE.REMOTE_ADDRESS.eq(truncate(remoteAddress)));
        }
        return dsl.select(LOGIN_FAILURE.FAILED_AT).from(LOGIN_FAILURE)
                .where(who).and(LOGIN_FAILURE.FAILED_AT.gt(utc(windowStart)))
                .orderBy(LOGIN_FAILURE.FAILED_AT.desc()).limit(1)
                .fetchOptional(LOGIN_FAILURE.FAILED_AT).map(LoginFailureRepository::instant);
    }

    private static String truncate(String s) {
        String v = s == null ? "" : s;
        return v.length() > 64 ? v.substring(0, 64) : v;
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime at) {
        return at.toInstant(ZoneOffset.UTC);
    }
}
