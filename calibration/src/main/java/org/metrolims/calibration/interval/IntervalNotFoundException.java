package org.metrolims.calibration.interval;

/** An unknown instrument type. */
public class IntervalNotFoundException extends RuntimeException {

    public IntervalNotFoundException(String message) {
        super(message);
    }
}
