package org.metrolims.app.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.NotFound;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.ApiTokenRegister;
import org.metrolims.db.identity.Signatures;
import org.metrolims.db.identity.UserLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for other systems, sent as {@code Authorization: Bearer <token>} on /api alongside HTTP Basic. A token
 * acts as its account, narrowed to its scopes, until it expires or is revoked. The secret (256 random bits) is shown
 * once when issued and stored only as its SHA-256; issuing and revoking are in the audit trail.
 */
@Service
public class ApiTokens {

    static final String ENTITY = "api_token";
    static final String PREFIX = "mlt_";
    static final Duration MAX_LIFETIME = Duration.ofDays(400);

    private final ApiTokenRegister tokens;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ApiTokens(ApiTokenRegister tokens, Accounts accounts, AuditTrail audit) {
        this(tokens, accounts, audit, Clock.systemUTC());
    }

    ApiTokens(ApiTokenRegister tokens, Accounts accounts, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A signed-in account by token, with the token's scopes. */
    record TokenUser(MetroLimsUser user, Set<TokenScope> scopes) {
    }

    @Transactional
    public IssuedToken issue(MetroLimsUser admin, long userId, String name, Set<String> scopeCodes,
            Instant expiresAt) {
        if (accounts.login(userId).isEmpty()) {
            throw new NotFound("no such account");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new TokenInputException("name", "1 to 100 characters");
        }
        if (scopeCodes == null || scopeCodes.isEmpty()) {
            throw new TokenInputException("scopes", "at least one scope");
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String code : scopeCodes) {
            scopes.add(TokenScope.ofCode(code).orElseThrow(() -> new TokenInputException("scopes",
                    "unknown scope " + code.substring(0, Math.min(code.length(), 40)))));
        }
        Instant now = clock.instant();
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new TokenInputException("expiresAt", "in the future, at most " + MAX_LIFETIME.toDays() + " days");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = tokens.add(userId, name.strip(), secret.substring(0, 8), hash(secret),
                scopes.stream().map(TokenScope::code).collect(Collectors.toSet()), now,
                admin.getUsername(), expiresAt);
        ApiToken token = tokens.find(id).map(ApiToken::of).orElseThrow();
        audit.record(new AuditEntry(admin.getUsername(), "CREATE", ENTITY, Long.toString(id), null, json(token), null,
                null));
        return new IssuedToken(token, secret);
    }

    @Transactional
    public ApiToken revoke(MetroLimsUser admin, long tokenId) {
        ApiToken before = tokens.find(tokenId).map(ApiToken::of).orElseThrow(() -> new NotFound("no such token"));
        tokens.revoke(tokenId, clock.instant());
        ApiToken after = tokens.find(tokenId).map(ApiToken::of).orElseThrow();
        audit.record(new AuditEntry(admin.getUsername(), "REVOKE", ENTITY, Long.toString(tokenId), json(before),
                json(after), null, null));
        return after;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> ofUser(long userId) {
        return tokens.ofUser(userId).stream().map(ApiToken::of).toList();
    }

    /** The account a presented secret stands for, if the token exists, is usable now and its account is enabled. */
    @Transactional(readOnly = true)
    Optional<TokenUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByHash(hash(secret)).map(ApiToken::of).filter(t -> t.usableAt(now))
                .flatMap(t -> accounts.login(t.userId()).filter(UserLogin::enabled)
                        .map(a -> new TokenUser(new MetroLimsUser(UserAccount.of(a)), t.scopes())));
    }

    private static String hash(String secret) {
        return Signatures.sha256(Signatures.utf8(secret));
    }

    private static String json(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("userId", t.userId());
        m.put("name", t.name());
        m.put("prefix", t.prefix());
        m.put("scopes", t.scopes().stream().map(TokenScope::code).sorted().toList());
        m.put("expiresAt", t.expiresAt().toString());
        m.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        return AuditJson.object(m);
    }
}
