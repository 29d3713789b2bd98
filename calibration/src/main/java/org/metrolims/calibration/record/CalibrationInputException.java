package org.metrolims.calibration.record;

/** Bad input to a calibration record, naming the field (e.g. {@code points[1].toleranceUnit}); nothing is stored. */
public class CalibrationInputException extends IllegalArgumentException {

    private final String field;

    public CalibrationInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
