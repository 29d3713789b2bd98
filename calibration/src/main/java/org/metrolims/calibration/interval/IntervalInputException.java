package org.metrolims.calibration.interval;

import org.metrolims.db.failure.InvalidInput;

/** Bad input to the interval maths (a zero or negative interval, a target outside (0, 1)); names the field. */
public class IntervalInputException extends InvalidInput {

    public IntervalInputException(String field, String message) {
        super(field, field + ": " + message);
    }
}
