package org.metrolims.app.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metrolims.calibration.interval.IntervalReport;
import org.metrolims.calibration.interval.ReliabilityFit;

/**
 * The interval analysis chart, laid out in Java and drawn by the template as inline SVG (no script):
 * the observed in-tolerance rate per interval bin (a dot, its area by the number of results) against
 * the fitted exponential and Weibull reliability curves R(t), the reliability target as a dashed line and
 * the current and recommended intervals as vertical lines. Public because the templates read it by reflection.
 */
public record IntervalChart(int width, int height, List<Dot> dots, List<Curve> curves, List<Line> lines,
        List<Tick> xTicks, List<Tick> yTicks, double plotLeft, double plotRight, double plotTop, double plotBottom) {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    public IntervalChart {
        dots = List.copyOf(dots);
        curves = List.copyOf(curves);
        lines = List.copyOf(lines);
        xTicks = List.copyOf(xTicks);
        yTicks = List.copyOf(yTicks);
    }

    /** An observed bin: months, rate and count, for the tooltip. */
    public record Dot(double x, double y, double r, String title) {
    }

    /** A fitted curve as SVG polyline points. */
    public record Curve(String css, String points) {
    }

    /** A horizontal (target) or vertical (interval) line; {@code css} says which. */
    public record Line(String css, double x1, double y1, double x2, double y2, String label) {
    }

    /** An axis tick with its label. */
    public record Tick(double at, String label) {
    }

    static IntervalChart of(IntervalReport report) {
        var analysis = report.analysis();
        double maxMonths = report.currentMonths() * 1.5;
        for (IntervalReport.Bin b : report.bins()) {
            maxMonths = Math.max(maxMonths, b.months() * 1.1);
        }
        if (report.recommendedMonths().isPresent()) {
            maxMonths = Math.max(maxMonths, report.recommendedMonths().get() * 1.1);
        }
        maxMonths = Math.ceil(maxMonths / 6) * 6;
        double minR = 0.5;
        for (IntervalReport.Bin b : report.bins()) {
            minR = Math.min(minR, Math.floor(b.observedReliability() * 10) / 10);
        }
        double xMax = maxMonths;
        double yMin = minR;
        double left = LEFT;
        double right = WIDTH - RIGHT;
        double top = TOP;
        double bottom = HEIGHT - BOTTOM;
        java.util.function.DoubleUnaryOperator x = m -> left + (right - left) * m / xMax;
        java.util.function.DoubleUnaryOperator y = r -> bottom - (bottom - top) * (r - yMin) / (1 - yMin);

        List<Dot> dots = new ArrayList<>();
        int most = report.bins().stream().mapToInt(IntervalReport.Bin::results).max().orElse(1);
        for (IntervalReport.Bin b : report.bins()) {
            dots.add(new Dot(x.applyAsDouble(b.months()), y.applyAsDouble(b.observedReliability()),
                    3 + 7 * Math.sqrt((double) b.results() / most),
                    String.format(Locale.ROOT, "%d mo: %d/%d = %.3f", b.months(), b.inTolerance(), b.results(),
                            b.observedReliability())));
        }
        List<Curve> curves = new ArrayList<>();
        analysis.exponential().ifPresent(f -> curves.add(curve("exponential", f, xMax, x, y, yMin)));
        analysis.weibull().ifPresent(f -> curves.add(curve("weibull", f, xMax, x, y, yMin)));
        List<Line> lines = new ArrayList<>();
        double ty = y.applyAsDouble(report.analysis().reliabilityTarget());
        lines.add(new Line("target", left, ty, right, ty,
                String.format(Locale.ROOT, "R* = %.2f", report.analysis().reliabilityTarget())));
        double cx = x.applyAsDouble(report.currentMonths());
        lines.add(new Line("current", cx, top, cx, bottom, report.currentMonths() + " mo"));
        report.recommendedMonths().ifPresent(m -> {
            double rx = x.applyAsDouble(m);
            lines.add(new Line("recommended", rx, top, rx, bottom, m + " mo"));
        });
        List<Tick> xTicks = new ArrayList<>();
        int step = xMax > 48 ? 12 : 6;
        for (int m = 0; m <= xMax; m += step) {
            xTicks.add(new Tick(x.applyAsDouble(m), Integer.toString(m)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double r = yMin; r <= 1.0001; r += 0.1) {
            yTicks.add(new Tick(y.applyAsDouble(r), String.format(Locale.ROOT, "%.1f", r)));
        }
        return new IntervalChart(WIDTH, HEIGHT, dots, curves, lines, xTicks, yTicks, left, right, top, bottom);
    }

    private static Curve curve(String css, ReliabilityFit fit, double xMax, java.util.function.DoubleUnaryOperator x,
            java.util.function.DoubleUnaryOperator y, double yMin) {
        StringBuilder points = new StringBuilder();
        for (int k = 0; k <= 120; k++) {
            double months = xMax * k / 120;
            double r = fit.reliabilityAt(months * IntervalReport.DAYS_PER_MONTH);
            if (r < yMin) {
                break;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(months), y.applyAsDouble(r)));
        }
        return new Curve(css, points.toString().strip());
    }
}
