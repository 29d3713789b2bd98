package org.metrolims.calibration.coverage;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * When a figure reaches its target at the current pace: an ordinary least-squares line through the monthly values
 * (commons-math3 {@link SimpleRegression}), extrapolated to the target. The range comes from the slope's standard
 * error: the target is reached between the months given by slope + 2·SE (earliest) and slope − 2·SE (latest; open
 * when that slope is not positive). Uncertainty of the intercept is left out, as the line is anchored on recent
 * months; a range, not a promise.
 */
public final class TargetProjection {

    public enum Outcome { ALREADY_MET, PROJECTED, NOT_AT_CURRENT_PACE, TOO_FEW_POINTS }

    /**
     * @param slopePerMonth the fitted change per month
     * @param earliest      the month the target is reached at slope + 2·SE
     * @param expected      the month at the fitted slope
     * @param latest        the month at slope − 2·SE; empty when that slope is not positive
     */
    public record Projection(Outcome outcome, double slopePerMonth, double slopeStandardError,
            Optional<YearMonth> earliest, Optional<YearMonth> expected, Optional<YearMonth> latest) {
    }

    private TargetProjection() {
    }

    /** @param values one value per consecutive month, the last being {@code lastMonth} */
    public static Projection project(List<Double> values, YearMonth lastMonth, double target) {
        int n = values.size();
        if (n > 0 && values.get(n - 1) >= target) {
            return new Projection(Outcome.ALREADY_MET, Double.NaN, Double.NaN, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        if (n < 3) {
            return new Projection(Outcome.TOO_FEW_POINTS, Double.NaN, Double.NaN, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            regression.addData(i, values.get(i));
        }
        double slope = regression.getSlope();
        double se = regression.getSlopeStdErr();
        if (Double.isNaN(se)) {
            se = 0;
        }
        if (!(slope > 0)) {
            return new Projection(Outcome.NOT_AT_CURRENT_PACE, slope, se, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        double intercept = regression.getIntercept();
        return new Projection(Outcome.PROJECTED, slope, se,
                month(intercept, slope + 2 * se, target, n, lastMonth),
                month(intercept, slope, target, n, lastMonth),
                slope - 2 * se > 0 ? month(intercept, slope - 2 * se, target, n, lastMonth) : Optional.empty());
    }

    /** The month at which intercept + slope·x first reaches the target (x counted from the first month). */
    private static Optional<YearMonth> month(double intercept, double slope, double target, int n,
            YearMonth lastMonth) {
        double x = Math.ceil((target - intercept) / slope);
        long ahead = Math.max(0, (long) x - (n - 1));
        if (ahead > 12L * 1000) {
            return Optional.empty();
        }
        return Optional.of(lastMonth.plusMonths(ahead));
    }
}
