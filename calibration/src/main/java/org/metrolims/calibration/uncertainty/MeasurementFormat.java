package org.metrolims.calibration.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way MetroLIMS writes a number for a person — pages now, PDFs and exports as they move to it — as a
 * metrologist writes it (JCGM 100:2008 7.2):
 * <ul>
 *   <li>an uncertainty to two significant digits, by {@link ReportedResult#roundUncertainty} (7.2.6);</li>
 *   <li>a value with an uncertainty rounded to the uncertainty's last decimal place (7.2.6): m_s = 100.021 47 g with
 *       u_c = 0.35 mg is {@code 100.02147(35) g} or {@code 100.02147 g ± 0.00035 g};</li>
 *   <li>a computed value on its own to at most six significant digits, trailing zeros dropped — never the binary
 *       expansion of a double ({@code 0.012000000000000455} is {@code 0.012}); a stored exact decimal as stored;</li>
 *   <li>scientific notation only where the magnitude calls for it (below 10⁻⁴ or from 10⁷ on): {@code 5.4 × 10⁻⁷};</li>
 *   <li>the unit after every quantity, separated by a space (SI Brochure 5.4.3), except for °, ′ and ″;</li>
 *   <li>a score (z, z′, ζ, En) to two decimals, as ISO 13528 reports them; a fraction as a percentage.</li>
 * </ul>
 * The decimal sign is the point in both languages, as Chinese technical writing uses it. A missing number is an
 * em dash. Pure functions; no locale, no Spring.
 */
public final class MeasurementFormat {

    /** What a missing number shows as. */
    public static final String NONE = "—";

    /** Significant digits of a value shown without an uncertainty. */
    static final int VALUE_DIGITS = 6;

    private static final BigDecimal SCIENTIFIC_BELOW = new BigDecimal("1E-4");
    private static final BigDecimal SCIENTIFIC_FROM = new BigDecimal("1E7");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private MeasurementFormat() {}

    /** A value on its own: six significant digits at most, no float noise, scientific only for tiny or huge. */
    public static String value(Number v) {
        if (v == null) {
            return NONE;
        }
        // an exact decimal (a stored BigDecimal, an integer) is shown as stored; a computed double is rounded
        boolean exact = !(v instanceof Double || v instanceof Float);
        return decimal(exact ? exact(v).stripTrailingZeros() : significant(v, VALUE_DIGITS));
    }

    /** A value with its unit: {@code 10.0003 mm}. */
    public static String quantity(Number v, String unit) {
        return v == null ? NONE : withUnit(value(v), unit);
    }

    /** An uncertainty to two significant digits (JCGM 100 7.2.6), with its unit: {@code 0.027 Ω}. */
    public static String uncertainty(Number u, String unit) {
        if (u == null) {
            return NONE;
        }
        return withUnit(decimal(ReportedResult.roundUncertainty(Math.abs(u.doubleValue()))), unit);
    }

    /** A value rounded to the last decimal place of its uncertainty (JCGM 100 7.2.6), unit and all. */
    public static String roundedTo(Number v, Number u, String unit) {
        if (v == null) {
            return NONE;
        }
        if (u == null || u.doubleValue() == 0 || !Double.isFinite(u.doubleValue())) {
            return quantity(v, unit);
        }
        BigDecimal uRounded = ReportedResult.roundUncertainty(Math.abs(u.doubleValue()));
        return withUnit(decimal(exact(v).setScale(uRounded.scale(), RoundingMode.HALF_EVEN)), unit);
    }

    /** {@code y ± U unit}, y to U's last place: {@code 10.058 Ω ± 0.027 Ω} (JCGM 100 7.2.4). */
    public static String plusMinus(Number v, Number u, String unit) {
        if (v == null) {
            return NONE;
        }
        if (u == null) {
            return quantity(v, unit);
        }
        return roundedTo(v, u, unit) + " ± " + uncertainty(u, unit);
    }

    /**
     * The concise form of JCGM 100 7.2.2 b): the uncertainty's two digits in parentheses refer to the value's last
     * digits — m_s = 100.021 47 g, u_c = 0.35 mg → {@code 100.02147(35) g}.
     */
    public static String concise(Number v, Number u, String unit) {
        if (v == null) {
            return NONE;
        }
        if (u == null || u.doubleValue() == 0) {
            return quantity(v, unit);
        }
        BigDecimal uRounded = ReportedResult.roundUncertainty(Math.abs(u.doubleValue()));
        int scale = Math.max(uRounded.scale(), 0);
        BigDecimal y = exact(v).setScale(uRounded.scale(), RoundingMode.HALF_EVEN).setScale(scale,
                RoundingMode.UNNECESSARY);
        String digits = uRounded.movePointRight(scale).toBigInteger().toString();
        return withUnit(y.toPlainString() + "(" + digits + ")", unit);
    }

    /** A performance score (z, z′, ζ, En) to two decimals: {@code -1.49}. */
    public static String score(Number s) {
        if (s == null || !Double.isFinite(s.doubleValue())) {
            return NONE;
        }
        return exact(s).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A fraction (0.8694) as a percentage with the given decimals: {@code 86.9 %}. */
    public static String percent(Number fraction, int decimals) {
        if (fraction == null || !Double.isFinite(fraction.doubleValue())) {
            return NONE;
        }
        return exact(fraction).movePointRight(2).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }

    /** A number to the given significant digits (fewer if trailing zeros), no unit: a statistic, a ratio. */
    public static String significantDigits(Number v, int digits) {
        return v == null ? NONE : decimal(significant(v, digits));
    }

    private static BigDecimal significant(Number v, int digits) {
        return exact(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * The decimal a person typed that became this double: {@link BigDecimal#valueOf(double)} takes the shortest
     * decimal that reads back as the same double, so 0.1 stays 0.1; exact decimals pass through.
     */
    private static BigDecimal exact(Number v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(v.longValue());
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        return BigDecimal.valueOf(d);
    }

    /** Plain digits, or m × 10ⁿ where the magnitude calls for it. */
    private static String decimal(BigDecimal x) {
        if (x.signum() == 0) {
            return "0";
        }
        BigDecimal abs = x.abs();
        if (abs.compareTo(SCIENTIFIC_BELOW) < 0 || abs.compareTo(SCIENTIFIC_FROM) >= 0) {
            int exponent = x.precision() - x.scale() - 1;
            BigDecimal mantissa = x.movePointLeft(exponent);
            return mantissa.toPlainString() + " × 10" + superscript(exponent);
        }
        String plain = x.toPlainString();
        return x.scale() < 0 ? x.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : plain;
    }

    private static String superscript(int exponent) {
        StringBuilder b = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            b.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return b.toString();
    }

    private static String withUnit(String number, String unit) {
        if (unit == null || unit.isBlank()) {
            return number;
        }
        String u = unit.strip();
        return u.equals("°") || u.equals("′") || u.equals("″") ? number + u : number + " " + u;
    }
}
