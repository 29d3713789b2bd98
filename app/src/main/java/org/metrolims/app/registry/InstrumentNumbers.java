package org.metrolims.app.registry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How the instrument page writes its numbers (JCGM 100:2008 7.2.6): U to two significant digits, an error rounded to
 * the last decimal place of its U, a stored exact decimal as stored without trailing zeros, the unit after a space.
 * The one place to switch over to the application-wide formatter when it is on this branch.
 */
public final class InstrumentNumbers {

    /** The one instance, also handed to templates as {@code num}. */
    static final InstrumentNumbers FORMAT = new InstrumentNumbers();

    public static final String NONE = "—";

    private InstrumentNumbers() {
    }

    /** A stored decimal as written: {@code 10.100000000000} is {@code 10.1}. */
    public String value(BigDecimal v) {
        if (v == null) {
            return NONE;
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    public String quantity(BigDecimal v, String unit) {
        return v == null ? NONE : value(v) + unitSuffix(unit);
    }

    /** U to two significant digits, half up (JJF 1059.1). */
    public BigDecimal roundUncertainty(BigDecimal u) {
        return u.round(new MathContext(2, RoundingMode.HALF_UP));
    }

    public String uncertainty(BigDecimal u, String unit) {
        return u == null ? NONE : value(roundUncertainty(u)) + unitSuffix(unit);
    }

    /** A value to the last decimal place of its (rounded) U, e.g. an error of 0.00213 g with U = 0.00050 g: 0.00213 → 0.0021. */
    public String roundedTo(BigDecimal v, BigDecimal u, String unit) {
        if (v == null) {
            return NONE;
        }
        if (u == null) {
            return quantity(v, unit);
        }
        BigDecimal rounded = roundUncertainty(u);
        int scale = Math.max(0, rounded.scale());
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString() + unitSuffix(unit);
    }

    /** A chart's tick value: at most as many decimals as the tick step needs. */
    public String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        return b.signum() == 0 ? "0" : b.toPlainString();
    }

    private static String unitSuffix(String unit) {
        if (unit == null || unit.isBlank()) {
            return "";
        }
        return unit.equals("°") || unit.equals("′") || unit.equals("″") ? unit : " " + unit;
    }
}
