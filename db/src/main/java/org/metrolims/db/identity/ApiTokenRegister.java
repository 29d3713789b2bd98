package org.metrolims.db.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of API tokens: issued to an account with scope codes and an expiry, found by the SHA-256 of the
 * secret presented, revoked once. Which scopes exist and what they allow is the web layer's.
 */
@Service
public class ApiTokenRegister {

    private final ApiTokenRepository tokens;

    ApiTokenRegister(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** Stores a token by its secret's prefix and SHA-256; answers its id. */
    @Transactional
    public long add(long userId, String name, String prefix, String sha256, Set<String> scopes, Instant createdAt,
            String createdBy, Instant expiresAt) {
        return tokens.insert(userId, name, prefix, sha256, scopes, createdAt, createdBy, expiresAt);
    }

    @Transactional(readOnly = true)
    public Optional<StoredApiToken> find(long id) {
        return tokens.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<StoredApiToken> findByHash(String sha256) {
        return tokens.findByHash(sha256);
    }

    @Transactional(readOnly = true)
    public List<StoredApiToken> ofUser(long userId) {
        return tokens.ofUser(userId);
    }

    /** Revokes a token not revoked yet; false when it already was. */
    @Transactional
    public boolean revoke(long id, Instant at) {
        return tokens.revoke(id, at);
    }
}
