package org.metrolims.app.security;

import java.time.Instant;
import org.metrolims.db.identity.Accounts;
import org.metrolims.db.identity.UserLogin;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A signed-in person re-enters the password before a consequential action (an electronic signature; OWASP ASVS
 * 3.7.1), checked under the same {@link LoginThrottle} as logins: the attempt is reserved before the password is
 * evaluated, a wrong password counts towards the account's limit like a failed login (5 wrong passwords lock the
 * account whichever way they arrive: login form, HTTP Basic, signatures, or a mix), and a locked account is refused
 * even with the right password while the lock lasts. The password is compared with the account's stored hash read
 * afresh (not the one cached in the session), and a disabled account is refused.
 *
 * <p>Call it before doing any of the work the password authorises, outside the work's transaction: it commits the
 * count itself, so a refusal survives whatever the caller rolls back.
 */
@Service
public class Reauthentication {

    /** The answer: accepted, refused (wrong or missing password, disabled account) or locked until an instant. */
    public record Outcome(boolean accepted, Instant lockedUntil) {

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    private static final Outcome ACCEPTED = new Outcome(true, null);
    private static final Outcome REFUSED = new Outcome(false, null);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;

    Reauthentication(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /**
     * Checks the password re-entered by {@code user}. A missing password is refused without being counted (nothing
     * was guessed) unless the account is locked.
     */
    public Outcome check(MetroLimsUser user, String password) {
        if (password == null || password.isEmpty()) {
            return throttle.lockedUntil(user.getUsername(), null).map(until -> new Outcome(false, until))
                    .orElse(REFUSED);
        }
        LoginThrottle.Reservation reservation = throttle.reserve(user.getUsername(), remoteAddress(),
                LoginThrottle.Via.SIGNATURE);
        if (reservation.locked()) {
            return new Outcome(false, reservation.lockedUntil());
        }
        boolean right = accounts.login(user.userId())
                .filter(UserLogin::enabled)
                .map(account -> passwords.matches(password, account.passwordHash()))
                .orElse(false);
        if (!right) {
            throttle.failed(reservation);
            return REFUSED;
        }
        throttle.release(reservation);
        throttle.succeeded(user.getUsername());
        return ACCEPTED;
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : null;
    }
}
