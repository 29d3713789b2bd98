package org.metrolims.app.schedule;

import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.db.failure.NotFound;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change which schedules: a LAB user only its own organization (another lab's is
 * "not found", so its existence does not show); technicians, officers and administrators all labs.
 * A lab's capacities and a standard's interval are changed by technicians of that organization and
 * administrators (another organization's is "not found" to a technician, for writes as for reads);
 * province-wide settings (a procedure's interval, an instrument type's) are an officer's or an
 * administrator's decision.
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
            throw new NotFound("No lab " + asked.get());
        }
        return Optional.of(user.organizationId());
    }

    static void requireLabVisible(MetroLimsUser user, long labId) {
        labFor(user, Optional.of(labId));
    }

    /** A lab's own technicians and administrators plan it; to anyone else another lab is not found. */
    static void requirePlanner(MetroLimsUser user, long labId) {
        requireOwnWriter(user, labId, "No lab " + labId);
    }

    /**
     * The owning organization's technicians and administrators change its objects; another organization's object
     * is not found (404, as for reads), and a user of the owning organization without the technician role is refused.
     */
    static void requireOwnWriter(MetroLimsUser user, long ownerOrganizationId, String notFound) {
        if (user.hasRole(Role.ADMIN)) {
            return;
        }
        if (user.organizationId() != ownerOrganizationId) {
            throw new NotFound(notFound);
        }
        if (!user.hasRole(Role.TECHNICIAN)) {
            throw new AccessDeniedException("Only the organization's technicians or an administrator may change this");
        }
    }

    /** Settings that hold for the whole province (a procedure's or an instrument type's interval). */
    static void requireProvinceSetter(MetroLimsUser user) {
        if (!(user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN))) {
            throw new AccessDeniedException("Province-wide intervals are set by officers or administrators");
        }
    }
}
