package org.metrolims.calibration.traceability.scheme;

import java.util.Optional;
import java.util.OptionalDouble;
import javax.measure.Unit;
import org.metrolims.calibration.unit.MeasurementUnits;

/**
 * Conversion of an uncertainty between the units of a standard and of a scheme's band, as a difference: only the
 * scale is applied, never an offset (0.01 K is 10 mK and 0.01 ℃). Symbols as {@link MeasurementUnits} reads them.
 */
final class SchemeUnits {

    private SchemeUnits() {
    }

    /** {@code value} in {@code from} expressed in {@code to}; empty when a symbol is unknown or the units differ in
     *  dimension. */
    static OptionalDouble convertDifference(double value, String from, String to) {
        if (from.strip().equals(to.strip())) {
            return OptionalDouble.of(value);
        }
        Optional<Unit<?>> f = MeasurementUnits.parse(from);
        Optional<Unit<?>> t = MeasurementUnits.parse(to);
        if (f.isEmpty() || t.isEmpty()) {
            return OptionalDouble.empty();
        }
        return MeasurementUnits.convertDifference(value, f.get(), t.get()).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }
}
