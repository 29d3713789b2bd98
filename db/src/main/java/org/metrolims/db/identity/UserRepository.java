package org.metrolims.db.identity;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Result;
import org.springframework.stereotype.Repository;

/** The user accounts (app_user) and their roles (user_role): the one class that writes either table. */
@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<UserLogin> findById(long id) {
        return find(APP_USER.ID.eq(id));
    }

    Optional<UserLogin> findByUsername(String username) {
        return find(APP_USER.USERNAME.eq(username));
    }

    /** The account's security stamp, if it exists and is enabled (one primary-key read, for every request). */
    Optional<Long> stampIfEnabled(long id) {
        return dsl.select(APP_USER.SECURITY_STAMP).from(APP_USER).where(APP_USER.ID.eq(id)).and(APP_USER.ENABLED)
                .fetchOptional(APP_USER.SECURITY_STAMP);
    }

    private Optional<UserLogin> find(Condition which) {
        Field<Result<Record1<String>>> roles = multiset(select(USER_ROLE.ROLE).from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(APP_USER.ID))).as("roles");
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.DISPLAY_NAME,
                        APP_USER.ORGANIZATION_ID, ORGANIZATION.CODE, APP_USER.ENABLED, roles, APP_USER.SECURITY_STAMP)
                .from(APP_USER)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(which)
                .fetchOptional(r -> new UserLogin(r.get(APP_USER.ID), r.get(APP_USER.USERNAME),
                        r.get(APP_USER.PASSWORD_HASH), r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.ORGANIZATION_ID),
                        r.get(ORGANIZATION.CODE), r.get(APP_USER.ENABLED), Set.copyOf(r.get(roles).getValues(USER_ROLE.ROLE)),
                        r.get(APP_USER.SECURITY_STAMP)));
    }

    /** Accounts as the administration pages list them, by user name; at most {@code limit}. */
    List<AccountRow> all(int limit) {
        return rows(org.jooq.impl.DSL.noCondition()).orderBy(APP_USER.USERNAME).limit(limit).fetch(this::row);
    }

    /** One page of the accounts matching the query, counted and paged in SQL. */
    org.metrolims.db.Page<AccountRow> page(AccountQuery q, org.metrolims.db.PageRequest page) {
        Condition where = org.jooq.impl.DSL.noCondition();
        if (q.text() != null && !q.text().isBlank()) {
            String like = "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(APP_USER.USERNAME.like(like).or(APP_USER.DISPLAY_NAME.like(like))
                    .or(ORGANIZATION.CODE.like(like)).or(ORGANIZATION.NAME_ZH.like(like))
                    .or(ORGANIZATION.NAME_EN.like(like)));
        }
        if (q.role() != null) {
            where = where.and(org.jooq.impl.DSL.exists(select(USER_ROLE.USER_ID).from(USER_ROLE)
                    .where(USER_ROLE.USER_ID.eq(APP_USER.ID), USER_ROLE.ROLE.eq(q.role()))));
        }
        if (q.enabled() != null) {
            where = where.and(APP_USER.ENABLED.eq(q.enabled()));
        }
        long total = dsl.fetchCount(dsl.select(APP_USER.ID).from(APP_USER).join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID)).where(where));
        Field<String> column = switch (q.sort()) {
            case USERNAME -> APP_USER.USERNAME;
            case NAME -> APP_USER.DISPLAY_NAME;
            case ORGANIZATION -> ORGANIZATION.CODE;
        };
        List<AccountRow> items = rows(where)
                .orderBy(q.descending() ? column.desc() : column.asc(),
                        q.descending() ? APP_USER.ID.desc() : APP_USER.ID.asc())
                .limit(page.size()).offset(page.offset()).fetch(this::row);
        return new org.metrolims.db.Page<>(items, page.page(), page.size(), total);
    }

    Optional<AccountRow> row(long id) {
        return rows(APP_USER.ID.eq(id)).fetchOptional(this::row);
    }

    private static final Field<Result<Record1<String>>> SORTED_ROLES = multiset(select(USER_ROLE.ROLE).from(USER_ROLE)
            .where(USER_ROLE.USER_ID.eq(APP_USER.ID)).orderBy(USER_ROLE.ROLE)).as("roles");

    private org.jooq.SelectConditionStep<org.jooq.Record6<Long, String, String, String, Boolean,
            Result<Record1<String>>>> rows(Condition where) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, ORGANIZATION.CODE, APP_USER.ENABLED,
                        SORTED_ROLES)
                .from(APP_USER).join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(where);
    }

    private AccountRow row(org.jooq.Record r) {
        return new AccountRow(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                r.get(ORGANIZATION.CODE), r.get(APP_USER.ENABLED), r.get(SORTED_ROLES).getValues(USER_ROLE.ROLE));
    }

    boolean usernameTaken(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    /** A user's id by name. */
    Optional<Long> idOf(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID);
    }

    /** The code of the organization a user belongs to. */
    Optional<String> organizationCodeOf(String username) {
        return dsl.select(ORGANIZATION.CODE).from(APP_USER).join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID)).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(ORGANIZATION.CODE);
    }

    /** The stored password hash and roles of a signer, read fresh for each signature. */
    Optional<StoredSigner> signer(long userId) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ORGANIZATION_ID,
                        APP_USER.PASSWORD_HASH, APP_USER.ENABLED)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new StoredSigner(r.get(APP_USER.ID), r.get(APP_USER.USERNAME),
                        r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.ORGANIZATION_ID), r.get(APP_USER.PASSWORD_HASH),
                        r.get(APP_USER.ENABLED), dsl.fetchExists(USER_ROLE, USER_ROLE.USER_ID.eq(userId)
                                .and(USER_ROLE.ROLE.eq("TECHNICIAN")))));
    }

    long insert(String username, String displayName, long organizationId, String passwordHash) {
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ORGANIZATION_ID, organizationId).set(APP_USER.PASSWORD_HASH, passwordHash)
                .returningResult(APP_USER.ID).fetchSingle(APP_USER.ID);
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

    /** A new security stamp: the account's sessions end. */
    void changeSecurityStamp(long userId) {
        dsl.update(APP_USER).set(APP_USER.SECURITY_STAMP, APP_USER.SECURITY_STAMP.plus(1))
                .where(APP_USER.ID.eq(userId)).execute();
    }

    void setPasswordHash(long userId, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(userId)).execute();
    }

    /** The account's failures before {@code at} no longer count (a successful login). */
    void resetFailures(String username, Instant at) {
        dsl.update(APP_USER).set(APP_USER.FAILURES_RESET_AT, at)
                .where(APP_USER.USERNAME.eq(username)).execute();
    }
}
