package org.metrolims.calibration.record;

/** The lists of a technician's My work. */
public enum WorkList {
    /** my drafts, not returned by a reviewer */
    TO_FINISH,
    /** my drafts a reviewer returned, with the finding */
    RETURNED,
    /** submitted records of my laboratory performed by someone else: never my own */
    TO_REVIEW,
    /** approved records of my laboratory not yet on a certificate */
    TO_ISSUE
}
