package org.metrolims.app.security;

import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts logins and failed logins in the audit trail. Only interactive (form) logins count as a
 * login; an API call with Basic credentials is not a login, but its failures are recorded.
 */
@Component
class LoginAuditListener {

    private static final int MAX_ACTOR = 64;

    private final AuditTrail audit;
    private final LoginThrottle throttle;

    LoginAuditListener(AuditTrail audit, LoginThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        audit.record(AuditEntry.event(actor(event.getAuthentication()), "LOGIN", remoteAddress(event.getAuthentication())));
        throttle.succeeded(event.getAuthentication().getName());
    }

    /**
     * A failed login, or one refused because of a lock (LOGIN_LOCKED). The throttle has already counted the failure
     * when it reserved the attempt ({@link ThrottledAuthentication}); a refusal for a lock is not counted and does not
     * prolong the lock.
     */
    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        boolean locked = event.getException() instanceof LockedException;
        audit.record(new AuditEntry(actor(event.getAuthentication()), locked ? "LOGIN_LOCKED" : "LOGIN_FAILED", null,
                null, null, null, truncate(event.getException().getClass().getSimpleName() + ": "
                        + event.getException().getMessage()), remoteAddress(event.getAuthentication())));
    }

    private static String truncate(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    private static String actor(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName();
        return name.length() > MAX_ACTOR ? name.substring(0, MAX_ACTOR) : name;
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
