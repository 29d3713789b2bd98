package org.metrolims.app.accounts;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final DSLContext dsl;

    AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<AccountRow> all(int limit) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, ORGANIZATION.CODE, APP_USER.ENABLED,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID))
                                .orderBy(USER_ROLE.ROLE)))
                .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .orderBy(APP_USER.USERNAME).limit(limit)
                .fetch(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().map(x -> x.value1())));
    }

    Optional<AccountRow> find(long id) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, ORGANIZATION.CODE, APP_USER.ENABLED,
                        multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID))
                                .orderBy(USER_ROLE.ROLE)))
                .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(APP_USER.ID.eq(id))
                .fetchOptional(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().map(x -> x.value1())));
    }

    boolean usernameTaken(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    Optional<Long> organizationId(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code))
                .fetchOptional(ORGANIZATION.ID);
    }

    long insert(String username, String displayName, long organizationId, String passwordHash) {
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ORGANIZATION_ID, organizationId).set(APP_USER.PASSWORD_HASH, passwordHash)
                .returningResult(APP_USER.ID).fetchSingle().value1();
    }

    void replaceRoles(long userId, Collection<String> roles) {
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
        for (String role : roles) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, userId).set(USER_ROLE.ROLE, role).execute();
        }
    }

    void setEnabled(long userId, boolean enabled) {
        dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(userId)).execute();
    }

    /** A new security stamp: the account's sessions end (see SessionStamps). */
    void changeSecurityStamp(long userId) {
        dsl.update(APP_USER).set(APP_USER.SECURITY_STAMP, APP_USER.SECURITY_STAMP.plus(1))
                .where(APP_USER.ID.eq(userId)).execute();
    }

    void setPasswordHash(long userId, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(userId)).execute();
    }
}
