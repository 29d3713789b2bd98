package org.metrolims.calibration.interval;

import org.metrolims.db.failure.NotFound;

/** An unknown instrument type. */
public class IntervalNotFoundException extends NotFound {

    public IntervalNotFoundException(String message) {
        super(message);
    }
}
