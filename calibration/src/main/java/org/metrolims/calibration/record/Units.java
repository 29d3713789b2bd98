package org.metrolims.calibration.record;

import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.format.MeasurementParseException;
import javax.measure.format.UnitFormat;
import tech.units.indriya.format.SimpleUnitFormat;

/**
 * Units of points and tolerances through JSR 385 (Indriya): parsed, checked for the dimension of the instrument's
 * quantity, and converted. Symbols are those of {@link SimpleUnitFormat} (m, mm, µm, kg, g, Pa, kPa, V, mV, Hz, s,
 * K, ℃ ...); "°C" is read as ℃ and "u" as the micro prefix µ, as they are commonly typed.
 */
final class Units {

    private static final UnitFormat FORMAT = SimpleUnitFormat.getInstance();

    private Units() {
    }

    /** The unit with this symbol; an unknown symbol is an input error on {@code field}. */
    static Unit<?> parse(String symbol, String field) {
        if (symbol == null || symbol.isBlank()) {
            throw new CalibrationInputException(field, "a unit is required");
        }
        String s = symbol.strip().replace("°C", "℃").replace("μ", "µ");
        if (s.length() > 1 && s.startsWith("u")) {
            s = "µ" + s.substring(1);
        }
        try {
            return FORMAT.parse(s);
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new CalibrationInputException(field, "'" + symbol + "' is not a known unit");
        }
    }

    /** Requires {@code unit} to have the dimension of {@code quantityUnit}, else an input error on {@code field}. */
    static void requireDimension(Unit<?> unit, Unit<?> quantityUnit, String symbol, String field) {
        if (!unit.isCompatible(quantityUnit)) {
            throw new CalibrationInputException(field, "'" + symbol + "' has dimension " + unit.getDimension()
                    + ", not the dimension " + quantityUnit.getDimension() + " of the instrument's quantity ("
                    + quantityUnit + ")");
        }
    }

    /**
     * A difference (a tolerance, an error) converted between compatible units: only the scale is applied, never an
     * offset, so that ±0.5 ℃ becomes ±0.5 K, not 273.65 K.
     */
    static double convertDifference(double value, Unit<?> from, Unit<?> to) {
        try {
            UnitConverter c = from.getConverterToAny(to);
            return c.convert(value) - c.convert(0.0);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new IllegalStateException("units checked compatible but cannot convert: " + from + " → " + to, e);
        }
    }
}
