package org.metrolims.calibration.schedule;

/**
 * The orders a lab's instrument list can be read in, mapped to columns inside the repository (no request text reaches
 * the ORDER BY). By due date, instruments in service come first in either direction and those with no known due date
 * after them.
 */
public enum LabInstrumentSort {
    DUE_ON, INSTRUMENT, SERIAL, LAST_CALIBRATED_ON, STATUS
}
