package org.metrolims.db.identity;

import java.util.List;

/** A user account as the administration pages list it (never its password hash). */
public record AccountRow(long id, String username, String displayName, String organizationCode, boolean enabled,
        List<String> roles) {

    public AccountRow {
        roles = List.copyOf(roles);
    }
}
