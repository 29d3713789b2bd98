package org.metrolims.calibration.record;

/**
 * The orders a list of calibrations can be read in: a closed set, mapped to columns inside the repository, so that no
 * text from a request reaches the SQL's ORDER BY. Ties are broken by the record's id.
 */
public enum CalibrationSort {
    CALIBRATED_ON, NUMBER, INSTRUMENT, PROCEDURE, STATUS
}
