package org.metrolims.app.standard;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.standard.RegistryUser;

/**
 * The signed-in user as the registry's access rules see it (the standards' and the instruments' pages and API, the
 * scheme claims, chains and recall impact).
 */
public final class RegistryUsers {

    private RegistryUsers() {}

    public static RegistryUser of(MetroLimsUser user) {
        boolean admin = user.hasRole(Role.ADMIN);
        boolean technician = user.hasRole(Role.TECHNICIAN);
        boolean readsAll = admin || technician || user.hasRole(Role.OFFICER);
        return new RegistryUser(user.getUsername(), user.organizationId(), admin, technician, readsAll);
    }
}
