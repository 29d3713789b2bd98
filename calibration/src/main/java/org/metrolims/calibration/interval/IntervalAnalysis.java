package org.metrolims.calibration.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calibration interval analysis for one instrument type from its as-found history (NCSLI RP-1 (2010);
 * ILAC G24:2022 / OIML D 10 clause 3): the simple response method (RP-1 A1), the interval test
 * method (RP-1 A3) on the results returned near the current interval, and the exponential and
 * Weibull maximum-likelihood fits (RP-1 Appendix D), recommending the interval at which the
 * end-of-period reliability meets the target (default 0.95).
 *
 * <p>The recommendation is the statistical fit with the lower AIC (the Weibull only when both fit),
 * falling back to the interval test when no fit is possible. It carries {@link Warning}s: below
 * {@value #MIN_RESULTS} results or {@value #MIN_OUT_OF_TOLERANCE} out-of-tolerance results the data are
 * too few to say much (RP-1 D.4 cautions that interval estimates need "sufficient data"; our
 * thresholds follow its rule of thumb of a few dozen results with several failures). Below
 * {@value #MIN_RESULTS} results it proposes nothing: no recommended interval (source {@link Source#NONE}), and
 * {@link Result#tooLittleHistory()} tells the page to say so rather than show the methods' numbers.
 */
public final class IntervalAnalysis {

    /** Fewer results than this gives {@link Warning#TOO_FEW_RESULTS}. */
    public static final int MIN_RESULTS = 30;
    /** Fewer out-of-tolerance results than this gives {@link Warning#TOO_FEW_OUT_OF_TOLERANCE}. */
    public static final int MIN_OUT_OF_TOLERANCE = 3;
    /** The default end-of-period reliability target. */
    public static final double DEFAULT_TARGET = 0.95;
    /** The default confidence of the bounds and of the interval test. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Results within this fraction of the current interval count as "at the current interval" for A3. */
    public static final double CURRENT_WINDOW = 0.25;

    /** Why a recommendation should be read with care. */
    public enum Warning {
        TOO_FEW_RESULTS, TOO_FEW_OUT_OF_TOLERANCE, NO_OUT_OF_TOLERANCE, NO_RESULTS_AT_CURRENT_INTERVAL,
        ONE_INTERVAL_ONLY
    }

    /** Where the recommendation came from. */
    public enum Source { EXPONENTIAL_FIT, WEIBULL_FIT, INTERVAL_TEST, NONE }

    /** The next interval under the simple response method, after an in- or out-of-tolerance result. */
    public record SimpleResponse(double lengthening, double shortening, double afterInTolerance,
            double afterOutOfTolerance) {
    }

    /** Everything the analysis found. */
    public record Result(int results, int outOfTolerance, double currentInterval, double reliabilityTarget,
            SimpleResponse simpleResponse, Optional<IntervalTestMethod.Result> intervalTest,
            Optional<ReliabilityFit> exponential, Optional<ReliabilityFit> weibull, Source source,
            Optional<Double> recommendedInterval, List<Warning> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }

        /** Fewer than {@value IntervalAnalysis#MIN_RESULTS} results: too little history to propose anything. */
        public boolean tooLittleHistory() {
            return results < MIN_RESULTS;
        }
    }

    private IntervalAnalysis() {
    }

    /**
     * Analyses the history against the current interval (same unit as the observations, days).
     *
     * @throws IntervalInputException for a non-positive interval or a target/confidence outside (0, 1)
     */
    public static Result analyse(List<IntervalObservation> history, double currentInterval, double target,
            double confidence) {
        Targets.check(target);
        Targets.checkInterval(currentInterval);
        int n = history.size();
        int out = (int) history.stream().filter(o -> !o.inTolerance()).count();
        List<Warning> warnings = new ArrayList<>();
        if (n < MIN_RESULTS) {
            warnings.add(Warning.TOO_FEW_RESULTS);
        }
        if (out == 0) {
            warnings.add(Warning.NO_OUT_OF_TOLERANCE);
        } else if (out < MIN_OUT_OF_TOLERANCE) {
            warnings.add(Warning.TOO_FEW_OUT_OF_TOLERANCE);
        }
        double a = SimpleResponseMethod.DEFAULT_LENGTHENING;
        var simple = new SimpleResponse(a, SimpleResponseMethod.balancedShortening(a, target),
                SimpleResponseMethod.next(currentInterval, true, a, target),
                SimpleResponseMethod.next(currentInterval, false, a, target));

        List<IntervalObservation> atCurrent = history.stream()
                .filter(o -> Math.abs(o.intervalDays() - currentInterval) <= CURRENT_WINDOW * currentInterval)
                .toList();
        Optional<IntervalTestMethod.Result> test = Optional.empty();
        if (atCurrent.isEmpty()) {
            warnings.add(Warning.NO_RESULTS_AT_CURRENT_INTERVAL);
        } else {
            int in = (int) atCurrent.stream().filter(IntervalObservation::inTolerance).count();
            test = Optional.of(IntervalTestMethod.evaluate(in, atCurrent.size(), currentInterval, target,
                    IntervalTestMethod.DEFAULT_CONFIDENCE));
        }
        Optional<ReliabilityFit> exponential = ReliabilityFits.exponential(history, target, confidence);
        Optional<ReliabilityFit> weibull = ReliabilityFits.weibull(history, target, confidence);
        if (exponential.isPresent() && weibull.isEmpty()) {
            warnings.add(Warning.ONE_INTERVAL_ONLY);
        }
        Source source;
        Optional<Double> recommended;
        if (n < MIN_RESULTS) {
            source = Source.NONE;
            recommended = Optional.empty();
        } else if (weibull.isPresent() && weibull.get().aic() < exponential.orElseThrow().aic()) {
            source = Source.WEIBULL_FIT;
            recommended = Optional.of(weibull.get().recommendedInterval());
        } else if (exponential.isPresent()) {
            source = Source.EXPONENTIAL_FIT;
            recommended = Optional.of(exponential.get().recommendedInterval());
        } else if (test.isPresent()) {
            source = Source.INTERVAL_TEST;
            recommended = Optional.of(test.get().recommendedInterval());
        } else {
            source = Source.NONE;
            recommended = Optional.empty();
        }
        return new Result(n, out, currentInterval, target, simple, test, exponential, weibull, source, recommended,
                warnings);
    }
}
