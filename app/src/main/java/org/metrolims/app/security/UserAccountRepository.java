package org.metrolims.app.security;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private final DSLContext dsl;

    UserAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<UserAccount> findById(long id) {
        return find(APP_USER.ID.eq(id));
    }

    Optional<UserAccount> findByUsername(String username) {
        return find(APP_USER.USERNAME.eq(username));
    }

    /** The account's security stamp, if it exists and is enabled (one primary-key read, for every request). */
    Optional<Long> stampIfEnabled(long id) {
        return dsl.select(APP_USER.SECURITY_STAMP).from(APP_USER).where(APP_USER.ID.eq(id)).and(APP_USER.ENABLED)
                .fetchOptional(APP_USER.SECURITY_STAMP);
    }

    private Optional<UserAccount> find(org.jooq.Condition which) {
        var roles = multiset(select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)));
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.DISPLAY_NAME,
                        APP_USER.ORGANIZATION_ID, ORGANIZATION.CODE, APP_USER.ENABLED, roles, APP_USER.SECURITY_STAMP)
                .from(APP_USER)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID))
                .where(which)
                .fetchOptional(r -> new UserAccount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), toRoles(r.value8().map(x -> x.value1())), r.value9()));
    }

    private static Set<Role> toRoles(java.util.List<String> names) {
        return names.stream().map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
