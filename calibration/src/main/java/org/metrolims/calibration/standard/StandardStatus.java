package org.metrolims.calibration.standard;

/** Status of a measurement standard. Nothing is deleted: a standard taken out of use for good is RETIRED. */
public enum StandardStatus {
    ACTIVE,
    SUSPENDED,
    /** Final: a retired standard takes no further changes. */
    RETIRED
}
