package org.metrolims.calibration.record;

import org.metrolims.db.failure.InvalidInput;

/** Bad input to a calibration record, naming the field (e.g. {@code points[1].toleranceUnit}); nothing is stored. */
public class CalibrationInputException extends InvalidInput {

    public CalibrationInputException(String field, String message) {
        super(field, message);
    }
}
