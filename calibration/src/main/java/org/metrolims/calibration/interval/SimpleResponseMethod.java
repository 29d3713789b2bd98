package org.metrolims.calibration.interval;

/**
 * NCSLI RP-1 (2010) Appendix A, Method A1 "simple response": after each calibration the interval is
 * lengthened by the fraction {@code a} when the item was found in tolerance and shortened by the
 * fraction {@code b} when it was not: I' = I(1 + a) or I' = I(1 − b).
 *
 * <p>The method reacts to single results and never settles; RP-1 lists it because it is common, not
 * because it is good. We give it the one property it can have: {@code b} is chosen so that, at the
 * reliability target R*, the interval is stable on average — the expected log change
 * R*·ln(1 + a) + (1 − R*)·ln(1 − b) is zero, i.e. b = 1 − (1 + a)^(−R* / (1 − R*)). With a = 0.1 and
 * R* = 0.95 that gives b = 0.8364: one out-of-tolerance result undoes nineteen lengthenings.
 */
final class SimpleResponseMethod {

    /** The lengthening fraction used when none is given. */
    public static final double DEFAULT_LENGTHENING = 0.10;

    private SimpleResponseMethod() {
    }

    /** The shortening fraction b that balances lengthening by {@code a} at reliability {@code target}. */
    public static double balancedShortening(double a, double target) {
        Targets.check(target);
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IntervalInputException("lengthening", "must be > 0, got " + a);
        }
        return 1 - Math.pow(1 + a, -target / (1 - target));
    }

    /** The next interval after a result at interval {@code current}. */
    public static double next(double current, boolean inTolerance, double a, double target) {
        Targets.checkInterval(current);
        return inTolerance ? current * (1 + a) : current * (1 - balancedShortening(a, target));
    }
}
