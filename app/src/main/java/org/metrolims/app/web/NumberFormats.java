package org.metrolims.app.web;

import org.metrolims.calibration.uncertainty.MeasurementFormat;
import org.springframework.stereotype.Component;

/**
 * {@link MeasurementFormat} for templates, as {@code @fmt}: every measured number, uncertainty, error, score and
 * fraction a page shows goes through it.
 *
 * <pre>
 *   ${@fmt.value(x)}              0.012 (never 0.012000000000000455)
 *   ${@fmt.quantity(x, unit)}     10.0003 mm
 *   ${@fmt.uncertainty(u, unit)}  0.027 Ω (two significant digits)
 *   ${@fmt.roundedTo(y, u, unit)} y to U's last place
 *   ${@fmt.plusMinus(y, u, unit)} 10.058 Ω ± 0.027 Ω
 *   ${@fmt.score(z)}              -1.58
 *   ${@fmt.percent(f, 1)}         86.9 %
 * </pre>
 */
@Component("fmt")
public class NumberFormats {

    public String value(Number v) {
        return MeasurementFormat.value(v);
    }

    public String quantity(Number v, String unit) {
        return MeasurementFormat.quantity(v, unit);
    }

    public String uncertainty(Number u, String unit) {
        return MeasurementFormat.uncertainty(u, unit);
    }

    public String roundedTo(Number v, Number u, String unit) {
        return MeasurementFormat.roundedTo(v, u, unit);
    }

    public String plusMinus(Number v, Number u, String unit) {
        return MeasurementFormat.plusMinus(v, u, unit);
    }

    public String concise(Number v, Number u, String unit) {
        return MeasurementFormat.concise(v, u, unit);
    }

    public String score(Number s) {
        return MeasurementFormat.score(s);
    }

    public String percent(Number fraction, int decimals) {
        return MeasurementFormat.percent(fraction, decimals);
    }

    public String digits(Number v, int significant) {
        return MeasurementFormat.significantDigits(v, significant);
    }
}
