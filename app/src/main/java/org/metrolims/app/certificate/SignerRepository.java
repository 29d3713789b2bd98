package org.metrolims.app.certificate;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The stored password hash and roles of a signer, read fresh for each signature. */
@Repository
class SignerRepository {

    record StoredSigner(long userId, String username, String displayName, long organizationId, String passwordHash,
            boolean enabled, boolean technician) {
    }

    private final DSLContext dsl;

    SignerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredSigner> find(long userId) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.ORGANIZATION_ID,
                        APP_USER.PASSWORD_HASH, APP_USER.ENABLED)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new StoredSigner(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), dsl.fetchExists(USER_ROLE, USER_ROLE.USER_ID.eq(userId)
                                .and(USER_ROLE.ROLE.eq("TECHNICIAN")))));
    }
}
