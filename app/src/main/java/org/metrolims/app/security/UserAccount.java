package org.metrolims.app.security;

import java.util.Set;

/** A login account with its organization and roles, as the security layer needs it. */
public record UserAccount(long id, String username, String passwordHash, String displayName, long organizationId,
        String organizationCode, boolean enabled, Set<Role> roles) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
