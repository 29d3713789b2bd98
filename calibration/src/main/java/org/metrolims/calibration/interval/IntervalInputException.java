package org.metrolims.calibration.interval;

/** Bad input to the interval maths (a zero or negative interval, a target outside (0, 1)); names the field. */
public class IntervalInputException extends IllegalArgumentException {

    private final String field;

    public IntervalInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
