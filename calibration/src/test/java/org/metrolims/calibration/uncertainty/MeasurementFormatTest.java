package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one number formatter, on JCGM 100:2008 7.2's own examples and on the noise the pages used to show. */
class MeasurementFormatTest {

    @Test
    void writesGum722ConciseFormWithTheUncertaintysDigitsInParentheses() {
        // JCGM 100 7.2.2 b): m_s = 100.021 47 g with u_c = 0.35 mg → 100.021 47(35) g
        assertThat(MeasurementFormat.concise(100.02147, 0.00035, "g")).isEqualTo("100.02147(35) g");
    }

    @Test
    void roundsTheValueToTheDecimalPlaceOfItsUncertainty() {
        // JCGM 100 7.2.6: y = 10.057 62 Ω with u_c = 27 mΩ → 10.058 Ω
        assertThat(MeasurementFormat.roundedTo(10.05762, 0.027, "Ω")).isEqualTo("10.058 Ω");
        assertThat(MeasurementFormat.plusMinus(10.05762, 0.027, "Ω")).isEqualTo("10.058 Ω ± 0.027 Ω");
        // a U left of the point rounds the value to tens
        assertThat(MeasurementFormat.plusMinus(1234.5, 13, "mg")).isEqualTo("1234 mg ± 13 mg");
        assertThat(MeasurementFormat.plusMinus(12345.6, 130, "mg")).isEqualTo("12350 mg ± 130 mg");
    }

    @Test
    void givesUncertaintiesTwoSignificantDigitsByTheGumRule() {
        // 7.2.6: 28.05 kHz → 28 kHz (less than a tenth dropped: down); 10.47 mΩ → 11 mΩ (up, to be safe)
        assertThat(MeasurementFormat.uncertainty(28.05, "kHz")).isEqualTo("28 kHz");
        assertThat(MeasurementFormat.uncertainty(10.47, "mΩ")).isEqualTo("11 mΩ");
        assertThat(MeasurementFormat.uncertainty(0.003741657387, "mm")).isEqualTo("0.0038 mm");
    }

    @Test
    void neverShowsBinaryFloatNoise() {
        assertThat(MeasurementFormat.value(0.012000000000000455)).isEqualTo("0.012");
        assertThat(MeasurementFormat.value(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(MeasurementFormat.value(10.0003)).isEqualTo("10.0003");
        assertThat(MeasurementFormat.value(2.0)).isEqualTo("2");
        assertThat(MeasurementFormat.value(1_234_567.8)).isEqualTo("1234570");
        assertThat(MeasurementFormat.quantity(20.1, "°C")).isEqualTo("20.1 °C");
        assertThat(MeasurementFormat.quantity(45, "°")).isEqualTo("45°");
    }

    @Test
    void usesScientificNotationOnlyWhereTheMagnitudeCallsForIt() {
        // a stored standard's U of 5.4 × 10⁻⁷ m is never 0
        assertThat(MeasurementFormat.uncertainty(5.4e-7, "m")).isEqualTo("5.4 × 10⁻⁷ m");
        assertThat(MeasurementFormat.value(0.00012)).isEqualTo("0.00012");
        assertThat(MeasurementFormat.value(6.02214076e23)).isEqualTo("6.02214 × 10²³");
        assertThat(MeasurementFormat.value(9_999_999)).isEqualTo("9999999");
        assertThat(MeasurementFormat.roundedTo(1.23456789e-6, 5.4e-9, "m")).isEqualTo("1.2346 × 10⁻⁶ m");
    }

    @Test
    void writesScoresToTwoDecimalsAndFractionsAsPercentages() {
        assertThat(MeasurementFormat.score(-1.577963)).isEqualTo("-1.58");
        assertThat(MeasurementFormat.score(2.0)).isEqualTo("2.00");
        assertThat(MeasurementFormat.percent(0.8694, 1)).isEqualTo("86.9 %");
        assertThat(MeasurementFormat.percent(0.95, 0)).isEqualTo("95 %");
    }

    @Test
    void showsAMissingNumberAsADashAndKeepsExactDecimals() {
        assertThat(MeasurementFormat.value(null)).isEqualTo("—");
        assertThat(MeasurementFormat.plusMinus(null, 0.1, "mm")).isEqualTo("—");
        assertThat(MeasurementFormat.plusMinus(10.0, null, "mm")).isEqualTo("10 mm");
        assertThat(MeasurementFormat.value(new BigDecimal("100.021470"))).isEqualTo("100.02147");
        assertThat(MeasurementFormat.value(0)).isEqualTo("0");
    }
}
