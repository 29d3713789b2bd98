package org.metrolims.calibration.record;

import javax.measure.Unit;
import org.metrolims.calibration.unit.MeasurementUnits;

/**
 * Units of points and tolerances (read by {@link MeasurementUnits}): parsed, checked for the dimension of the
 * instrument's quantity, and converted, each failure an input error on the field that gave the unit.
 */
final class Units {

    private Units() {
    }

    /** The unit with this symbol; an unknown symbol is an input error on {@code field}. */
    static Unit<?> parse(String symbol, String field) {
        if (symbol == null || symbol.isBlank()) {
            throw new CalibrationInputException(field, "a unit is required");
        }
        MeasurementUnits.problem(symbol).ifPresent(problem -> {
            throw new CalibrationInputException(field, problem);
        });
        return MeasurementUnits.parse(symbol)
                .orElseThrow(() -> new CalibrationInputException(field, "'" + symbol + "' is not a known unit"));
    }

    /** Requires {@code unit} to have the dimension of {@code quantityUnit}, else an input error on {@code field}. */
    static void requireDimension(Unit<?> unit, Unit<?> quantityUnit, String symbol, String field) {
        if (!unit.isCompatible(quantityUnit)) {
            throw new CalibrationInputException(field, "'" + symbol + "' has dimension " + unit.getDimension()
                    + ", not the dimension " + quantityUnit.getDimension() + " of the instrument's quantity ("
                    + quantityUnit + ")");
        }
    }

    /** A difference (a tolerance, an error) converted between units already checked compatible. */
    static double convertDifference(double value, Unit<?> from, Unit<?> to) {
        return MeasurementUnits.convertDifference(value, from, to).orElseThrow(() -> new IllegalStateException(
                "units checked compatible but cannot convert: " + from + " → " + to));
    }
}
