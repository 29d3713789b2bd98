package org.metrolims.calibration.instrument;

/** Whether an instrument is in use. Nothing is deleted: one disposed of is RETIRED. */
public enum InstrumentStatus {
    IN_SERVICE,
    OUT_OF_SERVICE,
    RETIRED
}
