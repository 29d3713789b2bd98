package org.metrolims.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.metrolims.app.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose account was disabled, had its roles changed or its password reset since it signed in
 * (see {@link SessionStamps}): the session is invalidated and the request goes on unauthenticated, so a page sends
 * the browser to the login page. Not a bean, so that it runs only inside the pages' security chain (the API keeps no
 * session: HTTP Basic and tokens load the account on every request). A stamp that cannot be read because the
 * database is unavailable is the 503 page, as a login that cannot be checked is (see {@link DatabaseOutage}): the
 * session is kept, not ended, and not a 500.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStampFilter.class);

    private final SessionStamps stamps;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionStampFilter(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        boolean current;
        try {
            current = !(authentication != null && authentication.getPrincipal() instanceof MetroLimsUser user)
                    || stamps.current(user);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            log.warn("The session of {} could not be checked: {}", authentication.getName(), e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value()); // the error page, with the layout
            return;
        }
        if (!current) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            contexts.clearContext();
        }
        chain.doFilter(request, response);
    }
}
