package org.metrolims.calibration.schedule;

/** An unknown (or, for this user, invisible) lab, standard or instrument type. */
public class ScheduleNotFoundException extends RuntimeException {

    public ScheduleNotFoundException(String message) {
        super(message);
    }
}
