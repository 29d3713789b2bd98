package org.metrolims.app.security;

import org.metrolims.db.identity.Accounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts from the database for form login and HTTP Basic alike. Locks are decided before this is asked, by
 * {@link ThrottledAuthentication}, which reserves each attempt with {@link LoginThrottle} first.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.login(username).map(UserAccount::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new MetroLimsUser(account);
    }
}
