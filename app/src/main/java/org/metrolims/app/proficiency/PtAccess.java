package org.metrolims.app.proficiency;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may use the PT API: accreditation officers see and do everything; a lab sees its own enrolment, results and
 * scores and other labs only by their codes; everyone else (technicians, administrators) is refused with 403.
 */
final class PtAccess {

    private PtAccess() {
    }

    static boolean isOfficer(MetroLimsUser user) {
        return user != null && user.hasRole(Role.OFFICER);
    }

    static void requireOfficer(MetroLimsUser user) {
        if (!isOfficer(user)) {
            throw new AccessDeniedException("proficiency testing: accreditation officers only");
        }
    }

    static void requireLab(MetroLimsUser user) {
        if (user == null || !user.hasRole(Role.LAB)) {
            throw new AccessDeniedException("proficiency testing: laboratories only");
        }
    }

    /** Officer or lab; returns true for an officer. */
    static boolean requireOfficerOrLab(MetroLimsUser user) {
        if (isOfficer(user)) {
            return true;
        }
        requireLab(user);
        return false;
    }
}
