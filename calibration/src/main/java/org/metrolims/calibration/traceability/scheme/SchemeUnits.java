package org.metrolims.calibration.traceability.scheme;

import java.util.Optional;
import java.util.OptionalDouble;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * Conversion of an uncertainty between units through JSR 385 (Indriya), as a difference: only the scale is applied,
 * never an offset (0.01 K is 10 mK and 0.01 ℃). Symbols as {@link SimpleUnitFormat} reads them; "°C" is read as
 * ℃, the Greek μ and a leading "u" as the micro sign µ.
 */
final class SchemeUnits {

    private SchemeUnits() {
    }

    static Optional<Unit<?>> parse(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return Optional.empty();
        }
        String s = symbol.strip().replace("°C", "℃").replace('μ', 'µ');
        if (s.length() > 1 && s.startsWith("u")) {
            s = "µ" + s.substring(1);
        }
        try {
            return Optional.of(SimpleUnitFormat.getInstance().parse(s));
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** {@code value} in {@code from} expressed in {@code to}; empty when a symbol is unknown or the units differ in
     *  dimension. */
    static OptionalDouble convertDifference(double value, String from, String to) {
        if (from.strip().equals(to.strip())) {
            return OptionalDouble.of(value);
        }
        Optional<Unit<?>> f = parse(from);
        Optional<Unit<?>> t = parse(to);
        if (f.isEmpty() || t.isEmpty() || !f.get().isCompatible(t.get())) {
            return OptionalDouble.empty();
        }
        try {
            UnitConverter c = f.get().getConverterToAny(t.get());
            return OptionalDouble.of(c.convert(value) - c.convert(0.0));
        } catch (IncommensurableException | UnconvertibleException e) {
            return OptionalDouble.empty();
        }
    }
}
