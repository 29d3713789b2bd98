package org.metrolims.app.calibration;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.calibration.record.CalibrationWork;
import org.metrolims.calibration.record.WorkCounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The My work counts the navigation shows (layout.html calls {@code @workNav.counts()}), asked only when a page
 * with the technicians' navigation renders: one statement per page.
 */
@Component("workNav")
public class WorkNav {

    private final CalibrationWork work;

    WorkNav(CalibrationWork work) {
        this.work = work;
    }

    /** The signed-in user's counts; none for anyone else. */
    public WorkCounts counts() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof MetroLimsUser user)) {
            return WorkCounts.NONE;
        }
        return work.counts(CalibrationActors.of(user));
    }
}
