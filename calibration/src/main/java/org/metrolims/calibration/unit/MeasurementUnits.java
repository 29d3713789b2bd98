package org.metrolims.calibration.unit;

import java.util.Optional;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;
import javax.measure.format.UnitFormat;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * Unit symbols read through JSR 385 (Indriya), as calibration points, tolerances and verification-scheme bands type
 * them: the symbols of {@link SimpleUnitFormat} (m, mm, µm, kg, g, Pa, kPa, V, mV, Hz, s, K, ℃ ...), with "°C" read as
 * ℃, the Greek μ and a leading "u" as the micro sign µ.
 */
public final class MeasurementUnits {

    private static final UnitFormat FORMAT = SimpleUnitFormat.getInstance();

    private MeasurementUnits() {
    }

    /** The unit with this symbol; empty when the symbol is blank or unknown. */
    public static Optional<Unit<?>> parse(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return Optional.empty();
        }
        String s = symbol.strip().replace("°C", "℃").replace('μ', 'µ');
        if (s.length() > 1 && s.startsWith("u")) {
            s = "µ" + s.substring(1);
        }
        try {
            return Optional.of(FORMAT.parse(s));
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * A difference (a tolerance, an error, an uncertainty) converted between units: only the scale is applied, never
     * an offset, so that ±0.5 ℃ becomes ±0.5 K, not 273.65 K. Empty when the units differ in dimension.
     */
    public static Optional<Double> convertDifference(double value, Unit<?> from, Unit<?> to) {
        if (!from.isCompatible(to)) {
            return Optional.empty();
        }
        try {
            UnitConverter c = from.getConverterToAny(to);
            return Optional.of(c.convert(value) - c.convert(0.0));
        } catch (IncommensurableException | UnconvertibleException e) {
            return Optional.empty();
        }
    }
}
