package org.metrolims.calibration.interval;

/**
 * One end-of-period result: an instrument came back after {@code intervalDays} in service and was
 * found in or out of tolerance ("as found", NCSLI RP-1 clause 2, "observed reliability").
 */
record IntervalObservation(double intervalDays, boolean inTolerance) {

    public IntervalObservation {
        if (!(intervalDays > 0) || Double.isInfinite(intervalDays)) {
            throw new IntervalInputException("intervalDays", "must be a positive finite length, got " + intervalDays);
        }
    }
}
