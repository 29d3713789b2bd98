package org.metrolims.reports.certificate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for certificates: U to two significant digits and the measured values to the same last digit
 * (JCGM 100:2008 7.2.6), nothing in exponent notation.
 */
final class Formats {

    private Formats() {
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** U rounded to two significant digits (half up, as JJF 1059.1 rounds). */
    static BigDecimal uncertainty(double u) {
        return BigDecimal.valueOf(u).round(new MathContext(2, RoundingMode.HALF_UP));
    }

    /** A value rounded to the last digit of the stated U. */
    static String toDigitOf(double value, BigDecimal u) {
        int scale = Math.max(0, u.scale());
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
