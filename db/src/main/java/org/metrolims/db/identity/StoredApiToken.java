package org.metrolims.db.identity;

import java.time.Instant;
import java.util.Set;

/** An API token as stored (never its secret): whose, named what, which scope codes, until when, revoked when. */
public record StoredApiToken(long id, long userId, String name, String prefix, Set<String> scopes,
        Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt) {

    public StoredApiToken {
        scopes = Set.copyOf(scopes);
    }
}
