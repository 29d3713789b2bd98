package org.metrolims.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.metrolims.app.database.DatabaseOutage;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}: an unknown, expired or revoked token
 * is 401, a request outside the token's scopes 403 (both problem+json); requests without a bearer token pass on to
 * HTTP Basic. Not a bean, so that it runs only inside the API security chain.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemSecurityHandlers problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ProblemSecurityHandlers problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.TokenUser> user;
        try {
            user = tokens.authenticate(header.substring(7).strip());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            problems.commence(request, response, new InternalAuthenticationServiceException(e.getMessage(), e));
            return;
        }
        if (user.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("unknown, expired or revoked token"));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<TokenScope> needed = TokenScope.requiredFor(request.getMethod(), path);
        if (needed.isEmpty() || !user.get().scopes().contains(needed.get())) {
            problems.handle(request, response, new AccessDeniedException("outside the token's scopes"));
            return;
        }
        MetroLimsUser principal = user.get().user();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
