package org.metrolims.db.identity;

import java.util.Set;

/**
 * A login account with its organization and role names, as the security layer needs it; {@code securityStamp}
 * changes when the account's sessions must end.
 */
public record UserLogin(long id, String username, String passwordHash, String displayName, long organizationId,
        String organizationCode, boolean enabled, Set<String> roles, long securityStamp) {

    public UserLogin {
        roles = Set.copyOf(roles);
    }
}
