package org.metrolims.calibration.record;

/**
 * A Type B component of a point's uncertainty budget as the technician enters it, in the point's unit (times its
 * sensitivity): either an expanded uncertainty with its coverage factor (normal, JCGM 100:2008 4.3.3), or a
 * half-width with a distribution (rectangular, triangular, u-shaped; 4.3.7, 4.3.9), or a standard uncertainty.
 * The Type A component comes from the point's readings and is not entered.
 *
 * @param name unique within the point, not "repeatability" (the Type A component's name)
 * @param distribution normal, rectangular, triangular or u-shaped; rectangular when a half-width has none
 * @param sensitivity c_i, 1 when null
 * @param dof ν_i, infinite when null
 */
public record ComponentInput(String name, String distribution, Double standardUncertainty, Double halfWidth,
        Double expandedUncertainty, Double coverageFactor, Double sensitivity, Double dof) {

    public static ComponentInput expanded(String name, double expandedUncertainty, double coverageFactor) {
        return new ComponentInput(name, "normal", null, null, expandedUncertainty, coverageFactor, null, null);
    }

    public static ComponentInput halfWidth(String name, String distribution, double halfWidth) {
        return new ComponentInput(name, distribution, null, halfWidth, null, null, null, null);
    }
}
