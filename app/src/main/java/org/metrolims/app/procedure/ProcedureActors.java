package org.metrolims.app.procedure;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.record.Actor;

/** The signed-in user as the procedure templates see him: his organization's templates, written by technicians. */
final class ProcedureActors {

    private ProcedureActors() {
    }

    static Actor of(MetroLimsUser user) {
        return new Actor(user.userId(), user.getUsername(), user.organizationId(), user.organizationCode(),
                user.hasRole(Role.TECHNICIAN), false);
    }
}
