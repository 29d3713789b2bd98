package org.metrolims.calibration.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One of the four figures against its target. For a count, {@code value} is the count, {@code numerator} the count
 * and {@code denominator} the target; for a ratio, {@code value = numerator / denominator} (1 when nothing is
 * demanded, since nothing is then left uncovered). {@code gap} is how far the value falls short of the target
 * (zero once it is met).
 */
public record Figure(String name, BigDecimal value, BigDecimal target, long numerator, long denominator,
        BigDecimal gap, boolean met) {

    static Figure count(String name, long count, int target) {
        BigDecimal value = BigDecimal.valueOf(count);
        BigDecimal t = BigDecimal.valueOf(target);
        return new Figure(name, value, t, count, target, t.subtract(value).max(BigDecimal.ZERO), count >= target);
    }

    static Figure ratio(String name, long numerator, long denominator, BigDecimal target) {
        BigDecimal value = denominator == 0 ? BigDecimal.ONE.setScale(4)
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
        return new Figure(name, value, target, numerator, denominator,
                target.subtract(value).max(BigDecimal.ZERO).setScale(4, RoundingMode.HALF_EVEN),
                value.compareTo(target) >= 0);
    }

    public double doubleValue() {
        return value.doubleValue();
    }
}
