package org.metrolims.app.security;

import java.time.Instant;
import java.util.Set;

/** An API token as listed (never its secret): whose, named what, which scopes, until when, revoked when. */
public record ApiToken(long id, long userId, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
