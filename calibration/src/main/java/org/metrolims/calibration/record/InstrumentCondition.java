package org.metrolims.calibration.record;

/** The as-found / as-left condition of the instrument (ISO/IEC 17025 7.8.4.1 c). */
public enum InstrumentCondition {
    IN_TOLERANCE, OUT_OF_TOLERANCE, NOT_APPLICABLE
}
