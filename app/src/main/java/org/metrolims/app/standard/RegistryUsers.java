package org.metrolims.app.registry;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.standard.RegistryUser;

/** The signed-in user as the registry's access rules see it. */
final class RegistryUsers {

    private RegistryUsers() {}

    static RegistryUser of(MetroLimsUser user) {
        boolean admin = user.hasRole(Role.ADMIN);
        boolean technician = user.hasRole(Role.TECHNICIAN);
        boolean readsAll = admin || technician || user.hasRole(Role.OFFICER);
        return new RegistryUser(user.getUsername(), user.organizationId(), admin, technician, readsAll);
    }
}
