package org.metrolims.app.proficiency;

import org.metrolims.proficiency.statistics.KernelDensity;

/**
 * The kernel density of a round's results (ISO 13528:2022 10.3, {@link KernelDensity}) laid out on the histogram's
 * own x axis, so that the two read side by side; the template draws it as inline SVG with the same ticks and marks.
 * Geometry only. Public because the templates read it by reflection.
 *
 * @param polyline the curve's points in SVG coordinates
 * @param bandwidth h, as the caption states it (formatted)
 */
public record DensityPlot(int width, int height, double baseY, String polyline, String bandwidth) {

    static final int POINTS = 161;

    /** The density over the histogram's axis, or null when the results have no spread (nothing to smooth). */
    static DensityPlot of(double[] values, ResultHistogram histogram) {
        double h = KernelDensity.bandwidth(values);
        if (!(h > 0)) {
            return null;
        }
        double[] y = KernelDensity.curve(values, h, histogram.lo(), histogram.hi(), POINTS);
        double max = 0;
        for (double v : y) {
            max = Math.max(max, v);
        }
        double top = ResultHistogram.TOP;
        double span = histogram.baseY() - top;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            double value = histogram.lo() + (histogram.hi() - histogram.lo()) * i / (POINTS - 1);
            double px = ResultHistogram.x(value, histogram.lo(), histogram.hi());
            double py = histogram.baseY() - (max > 0 ? y[i] / max * span : 0);
            points.append(round(px)).append(',').append(round(py)).append(' ');
        }
        return new DensityPlot(histogram.width(), histogram.height(), histogram.baseY(), points.toString().trim(),
                org.metrolims.calibration.uncertainty.MeasurementFormat.significantDigits(h, 2));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
