package org.metrolims.calibration.record;

import java.util.List;

/**
 * A calibration point as entered: the nominal (reference) value, the unit, the repeated readings of the instrument
 * (at least two), the tolerance (maximum permissible error, ±, in its own unit of the same dimension; none when
 * conformity is not asked for) and the Type B components of its uncertainty budget.
 *
 * @param toleranceUnit the tolerance's unit; the point's unit when null
 * @param correlations correlation coefficients between the budget's components; none means independent inputs
 */
public record PointInput(double nominal, String unit, List<Double> readings, Double tolerance, String toleranceUnit,
        List<ComponentInput> components, List<CorrelationInput> correlations) {

    public PointInput {
        readings = readings == null ? null : List.copyOf(readings);
        components = components == null ? List.of() : List.copyOf(components);
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
    }

    /** A point whose budget's inputs are independent. */
    public PointInput(double nominal, String unit, List<Double> readings, Double tolerance, String toleranceUnit,
            List<ComponentInput> components) {
        this(nominal, unit, readings, tolerance, toleranceUnit, components, List.of());
    }
}
