package org.metrolims.app.coverage;

import java.util.ArrayList;
import java.util.List;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.Figure;

/** One figure month by month as a small line chart with its target as a dashed line. Geometry only. */
record TrendChart(String name, int width, int height, String polyline, double targetY, List<Point> points,
        String firstLabel, String lastLabel, String minLabel, String maxLabel) {

    static final int WIDTH = 300;
    static final int HEIGHT = 140;
    static final int PAD = 24;

    record Point(double x, double y, String label) {
    }

    static TrendChart of(String name, List<CoverageFigures> series, java.util.function.Function<CoverageFigures, Figure> f) {
        List<Double> values = series.stream().map(x -> f.apply(x).doubleValue()).toList();
        double target = f.apply(series.get(series.size() - 1)).target().doubleValue();
        double min = Math.min(values.stream().mapToDouble(Double::doubleValue).min().orElse(0), target);
        double max = Math.max(values.stream().mapToDouble(Double::doubleValue).max().orElse(1), target);
        double span = max - min == 0 ? 1 : max - min;
        min -= span * 0.1;
        max += span * 0.1;
        List<Point> points = new ArrayList<>();
        StringBuilder poly = new StringBuilder();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            double x = PAD + (n == 1 ? 0 : i * (WIDTH - 2.0 * PAD) / (n - 1));
            double y = y(values.get(i), min, max);
            points.add(new Point(round(x), round(y), series.get(i).asOf() + ": " + f.apply(series.get(i)).value()));
            poly.append(round(x)).append(',').append(round(y)).append(' ');
        }
        return new TrendChart(name, WIDTH, HEIGHT, poly.toString().trim(), round(y(target, min, max)), points,
                series.get(0).asOf().toString(), series.get(n - 1).asOf().toString(), label(min), label(max));
    }

    private static double y(double v, double min, double max) {
        return HEIGHT - PAD - (v - min) / (max - min) * (HEIGHT - 2.0 * PAD);
    }

    private static String label(double v) {
        return Math.abs(v) >= 10 ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
