package org.metrolims.calibration.procedure;

/** The orders the procedure list offers. */
public enum ProcedureSort {
    CODE, TITLE, UPDATED
}
