package org.metrolims.app.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.metrolims.db.identity.StoredApiToken;

/** An API token as listed (never its secret): whose, named what, which scopes, until when, revoked when. */
public record ApiToken(long id, long userId, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    /** The stored token, its scope codes read as scopes (a code no longer known is dropped). */
    static ApiToken of(StoredApiToken t) {
        Set<TokenScope> scopes = t.scopes().stream().map(TokenScope::ofCode).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class)));
        return new ApiToken(t.id(), t.userId(), t.name(), t.prefix(), scopes, t.createdAt(), t.createdBy(),
                t.expiresAt(), t.revokedAt());
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
