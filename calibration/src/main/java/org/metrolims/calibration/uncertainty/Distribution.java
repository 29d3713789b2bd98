package org.metrolims.calibration.uncertainty;

import java.util.Arrays;

/**
 * The probability distributions a Type B evaluation may assume for an input quantity known only
 * by limits ±a (JCGM 100:2008 4.3.7 rectangular, 4.3.9 triangular; the arcsine, "U-shaped", one with
 * k = √2 as in JJF 1059.1-2012's table of coverage factors for non-normal distributions), or by an expanded uncertainty U with its coverage factor k (normal,
 * JCGM 100:2008 4.3.3). {@link #divisor()} turns the half-width a into the standard uncertainty
 * u = a / divisor.
 */
public enum Distribution {

    /** Normal: from a stated U and k, u = U / k (it has no half-width; its divisor is 1). */
    NORMAL("normal", 1.0),
    /** Rectangular (uniform) on [−a, a]: u = a/√3 (JCGM 100:2008 4.3.7). */
    RECTANGULAR("rectangular", Math.sqrt(3.0)),
    /** Symmetric triangular on [−a, a]: u = a/√6 (JCGM 100:2008 4.3.9). */
    TRIANGULAR("triangular", Math.sqrt(6.0)),
    /** Arcsine (U-shaped) on [−a, a], e.g. a sinusoidally varying quantity: u = a/√2. */
    U_SHAPED("u-shaped", Math.sqrt(2.0));

    private final String code;
    private final double divisor;

    Distribution(String code, double divisor) {
        this.code = code;
        this.divisor = divisor;
    }

    /** The stable name used in the API and in stored budgets: normal, rectangular, triangular, u-shaped. */
    public String code() {
        return code;
    }

    /** The divisor of the half-width a: 1, √3, √6 or √2. */
    public double divisor() {
        return divisor;
    }

    /** The distribution with this code (case-insensitive); rejects anything else, listing the codes. */
    public static Distribution ofCode(String code) {
        for (Distribution d : values()) {
            if (d.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return d;
            }
        }
        throw new UncertaintyInputException("distribution", "'" + code + "' is not one of "
                + Arrays.stream(values()).map(Distribution::code).toList());
    }
}
