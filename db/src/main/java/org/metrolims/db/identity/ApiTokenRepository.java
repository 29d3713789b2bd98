package org.metrolims.db.identity;

import static org.metrolims.db.jooq.Tables.API_TOKEN;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The API tokens (api_token): never their secret, only its SHA-256 and first characters. */
@Repository
class ApiTokenRepository {

    private final DSLContext dsl;

    ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long userId, String name, String prefix, String sha256, Set<String> scopes, Instant createdAt,
            String createdBy, Instant expiresAt) {
        return dsl.insertInto(API_TOKEN).set(API_TOKEN.USER_ID, userId).set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_PREFIX, prefix).set(API_TOKEN.TOKEN_SHA256, sha256)
                .set(API_TOKEN.SCOPES, scopes.stream().sorted().collect(Collectors.joining(" ")))
                .set(API_TOKEN.CREATED_AT, createdAt).set(API_TOKEN.CREATED_BY, createdBy)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returningResult(API_TOKEN.ID).fetchSingle(API_TOKEN.ID);
    }

    Optional<StoredApiToken> find(long id) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchOptional(ApiTokenRepository::toToken);
    }

    Optional<StoredApiToken> findByHash(String sha256) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.TOKEN_SHA256.eq(sha256))
                .fetchOptional(ApiTokenRepository::toToken);
    }

    List<StoredApiToken> ofUser(long userId) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId)).orderBy(API_TOKEN.ID)
                .fetch(ApiTokenRepository::toToken);
    }

    boolean revoke(long id, Instant at) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, at)
                .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull())).execute() == 1;
    }

    private static StoredApiToken toToken(Record r) {
        Set<String> scopes = Set.copyOf(Arrays.asList(r.get(API_TOKEN.SCOPES).split(" ")));
        return new StoredApiToken(r.get(API_TOKEN.ID), r.get(API_TOKEN.USER_ID), r.get(API_TOKEN.NAME),
                r.get(API_TOKEN.TOKEN_PREFIX), scopes, r.get(API_TOKEN.CREATED_AT),
                r.get(API_TOKEN.CREATED_BY), r.get(API_TOKEN.EXPIRES_AT), r.get(API_TOKEN.REVOKED_AT));
    }
}
