package org.metrolims.calibration.uncertainty;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A measurement result as printed: y ± U with k and p (JCGM 100:2008 7.2.3–7.2.6).
 *
 * <p><b>Rounding rule</b> (JCGM 100:2008 7.2.6 leaves room; this is what MetroLIMS does):
 * <ul>
 *   <li>U is given to <b>two significant digits</b>, rounded <b>up</b> — 7.2.6 allows rounding
 *       uncertainties up rather than to the nearest digit (u_c = 10.47 mΩ → 11 mΩ), and
 *       JJF 1059.1-2012 likewise allows carrying every dropped digit up "to be safe" — <b>except</b>
 *       when what would be dropped is less than one tenth of a unit of the last digit kept, where
 *       "common sense should prevail" and it is rounded down (7.2.6: 28.05 kHz → 28 kHz). This
 *       reproduces the GUM's printed U_99 = 93 nm in H.1 (2.92 × 31.7 nm = 92.5 nm) and EA-4/02's
 *       U = 59 mg in S2 (2 × 29.25 mg = 58.5 mg), which rounding to nearest would print as 92 and 58.
 *   <li>The value y is rounded to the <b>same decimal place</b> as U (7.2.6: y = 10.057 62 Ω with
 *       27 mΩ → 10.058 Ω), to nearest with ties to even, the GB/T 8170 rule JJF 1059.1 refers to.
 *   <li>k is given to two decimal places, as Table G.2 prints t_p(ν) (k = 2 prints as 2.00);
 *       p as given.
 * </ul>
 * Before rounding, U is cut to 12 significant digits so that binary noise (0.30000000000000004)
 * cannot trigger a round-up.
 */
public record ReportedResult(BigDecimal value, BigDecimal expandedUncertainty, BigDecimal coverageFactor,
        BigDecimal coverageProbability) {

    /** Rounds y, U, k and p for reporting by the rule above. U = 0 reports y unrounded, U = 0. */
    public static ReportedResult of(double value, double expandedUncertainty, double coverageFactor,
            double coverageProbability) {
        if (!Double.isFinite(value)) {
            throw new UncertaintyInputException("value", "the result must be a finite number");
        }
        if (!(expandedUncertainty >= 0) || Double.isInfinite(expandedUncertainty)) {
            throw new UncertaintyInputException("expandedUncertainty", "U must be a finite number >= 0");
        }
        BigDecimal k = BigDecimal.valueOf(coverageFactor).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal p = BigDecimal.valueOf(coverageProbability).stripTrailingZeros();
        BigDecimal u = roundUncertainty(expandedUncertainty);
        BigDecimal y = BigDecimal.valueOf(value);
        if (u.signum() == 0) {
            return new ReportedResult(y, u, k, p);
        }
        y = y.setScale(u.scale(), RoundingMode.HALF_EVEN);
        if (u.scale() < 0) {
            u = u.setScale(0, RoundingMode.UNNECESSARY);
            y = y.setScale(0, RoundingMode.UNNECESSARY);
        }
        return new ReportedResult(y, u, k, p);
    }

    /**
     * An uncertainty to two significant digits by the rule above; its scale is the decimal place
     * the result is rounded to (negative for places left of the point, e.g. 1.3E+3).
     */
    public static BigDecimal roundUncertainty(double uncertainty) {
        if (uncertainty == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal x = new BigDecimal(uncertainty).round(new MathContext(12, RoundingMode.HALF_EVEN));
        int leading = x.precision() - x.scale(); // digits left of the point; ≤ 0 for 0.0xyz
        int scale = 2 - leading;
        BigDecimal kept = x.setScale(scale, RoundingMode.DOWN);
        BigDecimal dropped = x.subtract(kept);
        BigDecimal tenthOfUnit = BigDecimal.ONE.scaleByPowerOfTen(-(scale + 1));
        if (dropped.compareTo(tenthOfUnit) >= 0) {
            kept = kept.add(BigDecimal.ONE.scaleByPowerOfTen(-scale));
            if (kept.precision() > 2) { // 99 → 100: still two significant digits, one place further left
                kept = kept.setScale(scale - 1, RoundingMode.UNNECESSARY);
            }
        }
        return kept;
    }
}
