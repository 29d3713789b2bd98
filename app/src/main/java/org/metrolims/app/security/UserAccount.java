package org.metrolims.app.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.metrolims.db.identity.UserLogin;

/**
 * A login account with its organization and roles, as the security layer needs it; {@code securityStamp} changes
 * when the account's sessions must end (see {@link SessionStamps}).
 */
public record UserAccount(long id, String username, String passwordHash, String displayName, long organizationId,
        String organizationCode, boolean enabled, Set<Role> roles, long securityStamp) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** The account as the identity feature stores it, its role names read as roles. */
    static UserAccount of(UserLogin login) {
        Set<Role> roles = login.roles().stream().map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserAccount(login.id(), login.username(), login.passwordHash(), login.displayName(),
                login.organizationId(), login.organizationCode(), login.enabled(), roles, login.securityStamp());
    }
}
