package org.metrolims.app.security;

import java.util.Set;

/**
 * A login account with its organization and roles, as the security layer needs it; {@code securityStamp} changes
 * when the account's sessions must end (see {@link SessionStamps}).
 */
public record UserAccount(long id, String username, String passwordHash, String displayName, long organizationId,
        String organizationCode, boolean enabled, Set<Role> roles, long securityStamp) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
