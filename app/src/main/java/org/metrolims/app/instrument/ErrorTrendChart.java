package org.metrolims.app.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metrolims.calibration.instrument.InstrumentOverview.HistoryEntry;
import org.metrolims.calibration.instrument.InstrumentOverview.PointResult;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.uncertainty.MeasurementFormat;

/**
 * The error found at each test point over time, one line per test point (nominal value), one chart per unit: the
 * error with its ±U bar at each approved calibration's date, the time axis proportional to time, the error axis
 * from rounded ticks that always include zero and the tolerance (±) when every point shares one. Geometry only; the
 * template draws it as SVG.
 *
 * @param tolerance the common tolerance, or null when the points have none or different ones
 */
record ErrorTrendChart(String unit, int width, int height, int left, int right, int top, int bottom,
        List<Tick> yTicks, List<Tick> xTicks, double zeroY, String tolerance, Double toleranceUpperY,
        Double toleranceLowerY, List<Series> series) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final String[] COLORS = {"#1d4ed8", "#b45309", "#047857", "#9333ea", "#be123c", "#0e7490",
        "#4d7c0f", "#78350f"};

    record Tick(double pos, String label) {
    }

    /** A point of a series: error at (x, y), the ±U bar from yHigh to yLow; {@code title} says it in words. */
    record Mark(double x, double y, double yHigh, double yLow, String title) {
    }

    record Series(String nominal, String color, String polyline, List<Mark> marks) {
    }

    private record Observation(LocalDate on, String calibrationNo, PointResult point) {
    }

    /** The charts of the approved calibrations' errors, one per unit, in the order the units first appear. */
    static List<ErrorTrendChart> of(List<HistoryEntry> history) {
        Map<String, List<Observation>> byUnit = new LinkedHashMap<>();
        history.stream().filter(h -> h.status() == CalibrationStatus.APPROVED)
                .sorted(Comparator.comparing(HistoryEntry::calibratedOn))
                .forEach(h -> h.points().stream().filter(p -> p.error() != null).forEach(p -> byUnit
                        .computeIfAbsent(p.unit(), u -> new ArrayList<>())
                        .add(new Observation(h.calibratedOn(), h.calibrationNo(), p))));
        return byUnit.entrySet().stream().map(e -> chart(e.getKey(), e.getValue())).toList();
    }

    private static ErrorTrendChart chart(String unit, List<Observation> obs) {
        LocalDate first = obs.getFirst().on();
        LocalDate last = obs.getLast().on();
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        // a single date sits in the middle of the axis, which then spans a month either side
        LocalDate from = first.equals(last) ? first.minusDays(30) : first;
        double span = first.equals(last) ? 60 : days;

        BigDecimal commonTolerance = commonTolerance(obs, unit);
        double lo = 0;
        double hi = 0;
        for (Observation o : obs) {
            double e = o.point().error().doubleValue();
            double u = o.point().expandedUncertainty() == null ? 0 : o.point().expandedUncertainty().doubleValue();
            lo = Math.min(lo, e - u);
            hi = Math.max(hi, e + u);
        }
        if (commonTolerance != null) {
            lo = Math.min(lo, -commonTolerance.doubleValue());
            hi = Math.max(hi, commonTolerance.doubleValue());
        }
        if (hi - lo == 0) {
            hi = 1;
            lo = -1;
        }
        double step = niceStep((hi - lo) / 4);
        double yMin = Math.floor(lo / step) * step;
        double yMax = Math.ceil(hi / step) * step;
        Scale scale = new Scale(from, span, yMin, yMax);

        List<Tick> yTicks = new ArrayList<>();
        for (double v = yMin; v <= yMax + step / 2; v += step) {
            yTicks.add(new Tick(scale.y(v), InstrumentNumbers.tick(v, step)));
        }
        List<Tick> xTicks = xTicks(first, last, scale);

        Map<BigDecimal, List<Observation>> byNominal = new TreeMap<>();
        obs.forEach(o -> byNominal.computeIfAbsent(o.point().nominal().stripTrailingZeros(), n -> new ArrayList<>())
                .add(o));
        List<Series> series = new ArrayList<>();
        int c = 0;
        for (var e : byNominal.entrySet()) {
            List<Mark> marks = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (Observation o : e.getValue()) {
                PointResult p = o.point();
                double err = p.error().doubleValue();
                double u = p.expandedUncertainty() == null ? 0 : p.expandedUncertainty().doubleValue();
                double x = scale.x(o.on());
                double y = scale.y(err);
                marks.add(new Mark(x, y, scale.y(err + u), scale.y(err - u), o.on() + " " + o.calibrationNo() + ": "
                        + MeasurementFormat.roundedTo(p.error(), p.expandedUncertainty(), unit) + " ± "
                        + MeasurementFormat.uncertainty(p.expandedUncertainty(), unit)));
                line.append(x).append(',').append(y).append(' ');
            }
            series.add(new Series(MeasurementFormat.quantity(e.getKey(), unit), COLORS[c++ % COLORS.length],
                    line.toString().trim(), marks));
        }
        return new ErrorTrendChart(unit, WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, yTicks, xTicks,
                scale.y(0),
                commonTolerance == null ? null : MeasurementFormat.quantity(commonTolerance, unit),
                commonTolerance == null ? null : scale.y(commonTolerance.doubleValue()),
                commonTolerance == null ? null : scale.y(-commonTolerance.doubleValue()), series);
    }

    /** The tolerance every point of the chart was judged against, in the chart's unit, or null. */
    private static BigDecimal commonTolerance(List<Observation> obs, String unit) {
        BigDecimal t = null;
        for (Observation o : obs) {
            PointResult p = o.point();
            if (p.tolerance() == null || !unit.equals(p.toleranceUnit())) {
                return null;
            }
            BigDecimal v = p.tolerance().stripTrailingZeros();
            if (t != null && t.compareTo(v) != 0) {
                return null;
            }
            t = v;
        }
        return t;
    }

    private static List<Tick> xTicks(LocalDate first, LocalDate last, Scale scale) {
        List<Tick> ticks = new ArrayList<>();
        if (first.equals(last)) {
            ticks.add(new Tick(scale.x(first), first.toString()));
            return ticks;
        }
        long days = ChronoUnit.DAYS.between(first, last);
        int n = days < 90 ? 1 : 3;
        for (int i = 0; i <= n; i++) {
            LocalDate d = first.plusDays(Math.round((double) days * i / n));
            ticks.add(new Tick(scale.x(d), d.toString()));
        }
        return ticks;
    }

    /** 1, 2 or 5 × 10ⁿ, at least {@code raw}. */
    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private record Scale(LocalDate from, double spanDays, double yMin, double yMax) {

        double x(LocalDate d) {
            return round(LEFT + ChronoUnit.DAYS.between(from, d) / spanDays * (WIDTH - LEFT - RIGHT));
        }

        double y(double v) {
            return round(HEIGHT - BOTTOM - (v - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM));
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }
}
