package org.metrolims.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators issue, list and revoke API tokens of accounts (ADMIN; the role rule is in SecurityConfiguration). */
@RestController
@Tag(name = "API tokens", description = "Bearer tokens for other systems, with scopes and an expiry")
class ApiTokensController {

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String name, Set<String> scopes, Instant expiresAt) {
    }

    @PostMapping("/api/accounts/{userId}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token for the account: the secret is in this answer only")
    IssuedToken issue(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long userId,
            @RequestBody TokenRequest request) {
        return tokens.issue(admin, userId, request.name(), request.scopes(), request.expiresAt());
    }

    @GetMapping("/api/accounts/{userId}/tokens")
    @Operation(summary = "The account's tokens (never their secrets)")
    List<ApiToken> list(@PathVariable long userId) {
        return tokens.ofUser(userId);
    }

    @PostMapping("/api/accounts/tokens/{id}/revoke")
    @Operation(summary = "Revoke a token at once")
    ApiToken revoke(@AuthenticationPrincipal MetroLimsUser admin, @PathVariable long id) {
        return tokens.revoke(admin, id);
    }
}
