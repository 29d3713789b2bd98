package org.metrolims.app.accounts;

import java.util.List;

/** A user account as the administration pages list it (never its password hash). */
record AccountRow(long id, String username, String displayName, String organizationCode, boolean enabled,
        List<String> roles) {

    AccountRow {
        roles = List.copyOf(roles);
    }
}
