package org.metrolims.app.proficiency;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram of a round's results, laid out in Java and drawn by the template as inline SVG (no script), with the
 * assigned value x_pt and the limits x_pt ± 2 sigma_pt and x_pt ± 3 sigma_pt marked once they are known (ISO
 * 13528:2022 10.3 suggests histograms or kernel densities of the results for the report).
 *
 * <p>Bins: when sigma_pt is known the bins are sigma_pt / 2 wide with an edge on x_pt, so that the ±2 and ±3 sigma_pt
 * marks fall on bin edges; the x axis then spans the results and x_pt ± 3.5 sigma_pt. When that would make more than
 * {@value #MAX_BINS} bins (an outlier far away), or sigma_pt is not known, the span of the data is cut into Sturges'
 * number of bins, ceil(log2 n) + 1. Every result falls in exactly one bin (the last bin holds its upper edge). Public
 * because the templates read it by reflection.
 *
 * @param lo the value at the left end of the x axis
 * @param hi the value at the right end of the x axis
 */
public record ResultHistogram(int width, int height, double baseY, double lo, double hi, int n, int maxCount,
        List<Bin> bins, List<Marker> markers, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    static final int LEFT = 40;
    static final int RIGHT = 8;
    static final int MAX_BINS = 60;
    /** A result within this fraction of a bin width below an edge counts in the bin above (rounding). */
    private static final double EDGE = 1e-9;

    public ResultHistogram {
        bins = List.copyOf(bins);
        markers = List.copyOf(markers);
        ticks = List.copyOf(ticks);
    }

    /** One bar: results in [from, to), except the last bin, which also holds {@code to}. */
    public record Bin(double from, double to, int count, double x, double y, double barWidth, double barHeight) {
    }

    /** A vertical mark at {@code value}: x_pt, or a ±2 / ±3 sigma_pt limit ({@code css} "assigned", "warn", "action"). */
    public record Marker(String label, double value, double x, String css) {
    }

    /** A label on the x axis. */
    public record Tick(double x, String label) {
    }

    /**
     * @param values        the results (at least one, all finite)
     * @param assignedValue x_pt, or null when not known yet
     * @param sigmaPt       sigma_pt, or null when not known yet (then no marks are drawn)
     */
    static ResultHistogram of(double[] values, Double assignedValue, Double sigmaPt) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one result");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        boolean marked = assignedValue != null && sigmaPt != null && sigmaPt > 0;
        double lo;
        double width;
        int count;
        double origin; // a bin edge the bins are counted from, index firstIndex: x_pt when the bins are aligned on it
        int firstIndex = 0;
        if (marked) {
            lo = Math.min(min, assignedValue - 3.5 * sigmaPt);
            double hi = Math.max(max, assignedValue + 3.5 * sigmaPt);
            width = sigmaPt / 2;
            // align an edge on x_pt: lo = x_pt - k * width
            lo = assignedValue - Math.ceil((assignedValue - lo) / width - EDGE) * width;
            origin = assignedValue;
            firstIndex = (int) Math.round((assignedValue - lo) / width);
            count = (int) Math.ceil((hi - lo) / width - EDGE);
            if (count > MAX_BINS) {
                lo = Math.min(min, assignedValue - 3.5 * sigmaPt);
                count = sturges(values.length);
                width = (hi - lo) / count;
                origin = lo;
                firstIndex = 0;
            }
        } else {
            lo = min;
            count = sturges(values.length);
            width = max > min ? (max - min) / count : Math.max(Math.abs(min) * 0.01, 1e-9);
            if (max == min) {
                lo = min - width * count / 2.0;
            }
            origin = lo;
        }
        count = Math.max(1, count);
        double hi = lo + count * width;

        int[] counts = new int[count];
        for (double v : values) {
            int i = firstIndex + (int) Math.floor((v - origin) / width + EDGE);
            counts[Math.max(0, Math.min(count - 1, i))]++;
        }
        int maxCount = 0;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }

        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double baseY = HEIGHT - BOTTOM;
        double perBin = plotWidth / count;
        List<Bin> bins = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double h = maxCount == 0 ? 0 : counts[i] * plotHeight / maxCount;
            bins.add(new Bin(lo + i * width, lo + (i + 1) * width, counts[i], round(LEFT + i * perBin),
                    round(baseY - h), round(Math.max(1, perBin - 1)), round(h)));
        }
        List<Marker> markers = new ArrayList<>();
        if (marked) {
            for (int k : new int[] {-3, -2, 0, 2, 3}) {
                double value = assignedValue + k * sigmaPt;
                String label = k == 0 ? "x_pt" : (k > 0 ? "+" : "−") + Math.abs(k) + "σ";
                markers.add(new Marker(label, value, round(x(value, lo, hi)),
                        k == 0 ? "assigned" : Math.abs(k) == 2 ? "warn" : "action"));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = lo + (hi - lo) * i / 4;
            ticks.add(new Tick(round(x(value, lo, hi)), String.format("%.4g", value)));
        }
        return new ResultHistogram(WIDTH, HEIGHT, baseY, lo, hi, values.length, maxCount, bins, markers, ticks);
    }

    /** The x coordinate of a value on the axis. */
    static double x(double value, double lo, double hi) {
        return LEFT + (value - lo) / (hi - lo) * (WIDTH - LEFT - RIGHT);
    }

    private static int sturges(int n) {
        return (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
