package org.metrolims.app.calibration;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.record.Actor;

/** The signed-in user as the calibration records see him: technicians write, officers and admins read everything. */
final class CalibrationActors {

    private CalibrationActors() {
    }

    static Actor of(MetroLimsUser user) {
        return new Actor(user.userId(), user.getUsername(), user.organizationId(), user.organizationCode(),
                user.hasRole(Role.TECHNICIAN), user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN));
    }

    /** Pages and picker calls of the calibration form are for technicians only. */
    static void requireTechnician(MetroLimsUser user) {
        if (!user.hasRole(Role.TECHNICIAN)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "calibrations are logged and reviewed by technicians");
        }
    }
}
