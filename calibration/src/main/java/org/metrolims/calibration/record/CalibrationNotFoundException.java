package org.metrolims.calibration.record;

/** No calibration with this id, or none the asker may see (the two are not told apart). */
public class CalibrationNotFoundException extends RuntimeException {

    public CalibrationNotFoundException(long id) {
        super("no calibration " + id);
    }
}
