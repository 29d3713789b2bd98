package org.metrolims.calibration.schedule;

/**
 * The orders the due list can be read in: a closed set mapped to columns inside the repository (no request text
 * reaches the ORDER BY). Ties are broken by the instrument's id.
 */
public enum DueSort {
    DUE_ON, LAST_CALIBRATED_ON, INTERVAL
}
