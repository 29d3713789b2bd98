package org.metrolims.calibration.schedule;

import org.metrolims.db.failure.NotFound;

/** An unknown (or, for this user, invisible) lab, standard or instrument type. */
public class ScheduleNotFoundException extends NotFound {

    public ScheduleNotFoundException(String message) {
        super(message);
    }
}
