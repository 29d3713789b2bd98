package org.metrolims.calibration.interval;

final class Targets {

    private Targets() {
    }

    static void check(double target) {
        if (!(target > 0 && target < 1)) {
            throw new IntervalInputException("reliabilityTarget", "must lie strictly between 0 and 1, got " + target);
        }
    }

    static void checkInterval(double interval) {
        if (!(interval > 0) || Double.isInfinite(interval)) {
            throw new IntervalInputException("interval", "must be a positive finite length, got " + interval);
        }
    }
}
