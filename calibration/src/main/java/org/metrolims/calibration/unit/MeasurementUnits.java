package org.metrolims.calibration.unit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * ℃, the litre's L as l, the Greek μ and a leading "u" as the micro sign µ.
 */
public final class MeasurementUnits {

    private static final UnitFormat FORMAT = SimpleUnitFormat.getInstance();

    /** The longest symbol read (the width of the unit columns); a longer one is refused before the parser sees it. */
    public static final int MAX_SYMBOL_LENGTH = 32;

    /** The largest power or root a symbol may state ({@code m^3}, {@code s^-2}); no unit of measurement needs more. */
    public static final int MAX_EXPONENT = 9;

    /** An exponent in a symbol: {@code ^} and a signed whole number, or a fraction of two. */
    private static final Pattern EXPONENT = Pattern.compile("\\^\\s*\\(?\\s*[-+]?\\s*(\\d+)(?:\\s*/\\s*(\\d+))?");

    /** Two or more superscript digits in a row: a power of 10 or more ({@code m²²} reads as m to the 22nd). */
    /** The litre written L (SI Brochure, table 8), alone or after a prefix: read as the parser's l. */
    private static final Pattern LITRE = Pattern.compile("(?<![A-Za-z])([munpkdcµ]?)L(?![A-Za-z])");

    private static final Pattern SUPERSCRIPT_RUN = Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]{2,}");

    private MeasurementUnits() {
    }

    /**
     * The unit with this symbol; empty when the symbol is blank, unknown, or beyond the parser's bounds: longer than
     * {@value #MAX_SYMBOL_LENGTH} characters or with an exponent above {@value #MAX_EXPONENT} (the parser recurses
     * once per operator and per power, so {@code kg^999999} or thousands of chained {@code m/m/…} would exhaust the
     * stack).
     */
    public static Optional<Unit<?>> parse(String symbol) {
        if (symbol == null || symbol.isBlank() || problem(symbol).isPresent()) {
            return Optional.empty();
        }
        String s = symbol.strip().replace("°C", "℃").replace('μ', 'µ');
        if (s.length() > 1 && s.startsWith("u")) {
            s = "µ" + s.substring(1);
        }
        s = LITRE.matcher(s).replaceAll("$1l");
        try {
            return Optional.of(FORMAT.parse(s));
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Why a symbol is beyond the parser's bounds (length, exponent), to be said at the field that gave it. */
    public static Optional<String> problem(String symbol) {
        if (symbol.length() > MAX_SYMBOL_LENGTH) {
            return Optional.of("a unit symbol has at most " + MAX_SYMBOL_LENGTH + " characters, got " + symbol.length());
        }
        if (SUPERSCRIPT_RUN.matcher(symbol).find()) {
            return Optional.of("a unit's exponents are at most " + MAX_EXPONENT);
        }
        Matcher m = EXPONENT.matcher(symbol);
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                String digits = m.group(g) == null ? "0" : m.group(g).replaceFirst("^0+(?=\\d)", "");
                if (digits.length() > 2 || Integer.parseInt(digits) > MAX_EXPONENT) {
                    return Optional.of("a unit's exponents are at most " + MAX_EXPONENT);
                }
            }
        }
        return Optional.empty();
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
