package org.metrolims.app.schedule;

import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.schedule.ScheduleNotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change which schedules: a LAB user only its own organization (another lab's is
 * "not found", so its existence does not show); technicians, officers and administrators all labs;
 * capacities and intervals are set by technicians and administrators.
 */
final class ScheduleAccess {

    private ScheduleAccess() {
    }

    static boolean seesAll(MetroLimsUser user) {
        return user.hasRole(Role.TECHNICIAN) || user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN);
    }

    /** The lab whose items the user may list: the asked one, or for a LAB user its own (404 for another). */
    static Optional<Long> labFor(MetroLimsUser user, Optional<Long> asked) {
        if (seesAll(user)) {
            return asked;
        }
        if (asked.isPresent() && asked.get() != user.organizationId()) {
            throw new ScheduleNotFoundException("No lab " + asked.get());
        }
        return Optional.of(user.organizationId());
    }

    static void requireLabVisible(MetroLimsUser user, long labId) {
        labFor(user, Optional.of(labId));
    }

    static void requirePlanner(MetroLimsUser user, long labId) {
        boolean ownTechnician = user.hasRole(Role.TECHNICIAN) && user.organizationId() == labId;
        if (!(ownTechnician || user.hasRole(Role.ADMIN))) {
            requireLabVisible(user, labId);
            throw new AccessDeniedException("Only the lab's technicians or an administrator may change this");
        }
    }

    static void requireTechnician(MetroLimsUser user) {
        if (!(user.hasRole(Role.TECHNICIAN) || user.hasRole(Role.ADMIN))) {
            throw new AccessDeniedException("Only technicians or administrators may change intervals");
        }
    }
}
