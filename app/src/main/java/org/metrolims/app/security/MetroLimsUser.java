package org.metrolims.app.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user: Spring Security's view of a {@link UserAccount}, keeping its organization. */
public final class MetroLimsUser implements UserDetails {

    private final UserAccount account;
    private final boolean locked;

    MetroLimsUser(UserAccount account) {
        this(account, false);
    }

    /** An account loaded for a login while the login throttle locks it (or the address it comes from). */
    MetroLimsUser(UserAccount account, boolean locked) {
        this.account = account;
        this.locked = locked;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    public long userId() {
        return account.id();
    }

    /** The account's security stamp when this user signed in; a session whose stamp is no longer current ends. */
    long securityStamp() {
        return account.securityStamp();
    }

    public long organizationId() {
        return account.organizationId();
    }

    public String organizationCode() {
        return account.organizationCode();
    }

    public String displayName() {
        return account.displayName();
    }

    public boolean hasRole(Role role) {
        return account.roles().contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = account.roles().stream()
                .sorted()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
