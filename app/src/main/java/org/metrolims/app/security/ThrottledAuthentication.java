package org.metrolims.app.security;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Form login and HTTP Basic: a user name and password are checked only after {@link LoginThrottle} has reserved the
 * attempt, so the lock check and the count are atomic and a burst of parallel guesses gets no more password
 * evaluations than the limit. A locked account or address is refused with {@link LockedException} before its
 * password is looked at (even the right one); a refused password leaves the reservation as the failure it is.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AccountDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginThrottle.Reservation reservation;
        try {
            reservation = throttle.reserve(attempt.getName(), address, LoginThrottle.Via.LOGIN);
        } catch (RuntimeException e) {
            // as DaoAuthenticationProvider reports a failed account look-up: the login could not be checked
            throw new InternalAuthenticationServiceException("the login could not be checked", e);
        }
        if (reservation.locked()) {
            throw new LockedException(lockedMessage(reservation.lockedUntil()));
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException e) {
            // the account could not be looked up (database down): no password was evaluated, nothing to count
            try {
                throttle.release(reservation);
            } catch (RuntimeException ignored) {
                // the database is still away: the reservation ages into a counted failure after a minute
            }
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(reservation);
            throw e;
        }
        throttle.release(reservation);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String lockedMessage(Instant until) {
        return "too many failed logins: locked until " + until;
    }
}
