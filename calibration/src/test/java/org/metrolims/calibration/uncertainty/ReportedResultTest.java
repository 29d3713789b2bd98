package org.metrolims.calibration.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JCGM 100:2008 7.2.6 and its own examples; exact decimal comparisons, so no tolerance is needed. */
class ReportedResultTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "10.47, 11",     // 7.2.6: u_c(y) = 10.47 mΩ might be rounded up to 11 mΩ
        "28.05, 28",     // 7.2.6: common sense: 28.05 kHz should be rounded down to 28 kHz
        "92.47, 93",     // H.1.6 prints U_99 = 93 nm
        "58.49, 59",     // EA-4/02 S2 prints 59 mg
        "0.0271, 0.028",
        "0.02705, 0.027",
        "0.027, 0.027",
        "2.0, 2.0",
        "0.0995, 0.10",  // carrying into a third digit keeps two significant digits
        "99.6, 1.0E+2",
        "1234, 1.3E+3",
        "0.30000000000000004, 0.30", // binary noise does not round up
    })
    void roundsUncertaintiesToTwoSignificantDigitsUpUnlessTheExcessIsUnderATenth(double u, String expected) {
        assertThat(ReportedResult.roundUncertainty(u)).isEqualTo(new java.math.BigDecimal(expected));
    }

    @Test
    void roundsTheValueToTheDecimalPlaceOfU() {
        // 7.2.6: y = 10.057 62 Ω with u_c(y) = 27 mΩ → 10.058 Ω
        ReportedResult r = ReportedResult.of(10.05762, 0.027, 2, 0.9545);
        assertThat(r.value()).isEqualByComparingTo("10.058");
        assertThat(r.value().scale()).isEqualTo(3);
        assertThat(r.expandedUncertainty()).isEqualByComparingTo("0.027");
        assertThat(r.coverageFactor().toPlainString()).isEqualTo("2.00");
        assertThat(r.coverageProbability().toPlainString()).isEqualTo("0.9545");
    }

    @Test
    void roundsTheValueHalfToEvenAndToTensWhenUIsLarge() {
        assertThat(ReportedResult.of(2.125, 0.012, 2, 0.9545).value().toPlainString()).isEqualTo("2.125");
        assertThat(ReportedResult.of(2.1245, 0.012, 2, 0.9545).value().toPlainString()).isEqualTo("2.124");
        assertThat(ReportedResult.of(2.1255, 0.012, 2, 0.9545).value().toPlainString()).isEqualTo("2.126");
        ReportedResult large = ReportedResult.of(123_456.7, 1234, 2, 0.9545);
        assertThat(large.value().toPlainString()).isEqualTo("123500");
        assertThat(large.expandedUncertainty().toPlainString()).isEqualTo("1300");
    }
}
