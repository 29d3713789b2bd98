package org.metrolims.app.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.instrument.InstrumentOverview.HistoryEntry;
import org.metrolims.calibration.instrument.InstrumentOverview.Names;
import org.metrolims.calibration.instrument.InstrumentOverview.PointResult;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.Conformity;

/** The trend chart's geometry and the page's numbers: honest axes, one line per test point, GUM rounding. */
class ErrorTrendChartTest {

    static HistoryEntry calibration(long id, LocalDate on, CalibrationStatus status, String error10, String error20) {
        return new HistoryEntry(id, "C-" + id, 1, status, on, null, new Names("所", "Inst"), null, "JJG 30",
                null, null, Conformity.PASS, List.of(
                        point(1, "10", error10), point(2, "20.000", error20)));
    }

    static PointResult point(int seq, String nominal, String error) {
        return new PointResult(seq, new BigDecimal(nominal), "mm", new BigDecimal(error), new BigDecimal("0.00042"),
                new BigDecimal("2"), new BigDecimal("0.02"), "mm", Conformity.PASS);
    }

    @Test
    void drawsOneLinePerTestPointOverApprovedCalibrationsOnly() {
        var charts = ErrorTrendChart.of(List.of(
                calibration(3, LocalDate.of(2025, 3, 3), CalibrationStatus.APPROVED, "0.0005", "0.0010"),
                calibration(2, LocalDate.of(2024, 9, 1), CalibrationStatus.WITHDRAWN, "0.0090", "0.0090"),
                calibration(1, LocalDate.of(2024, 3, 4), CalibrationStatus.APPROVED, "0.0011", "0.0020")));

        assertThat(charts).singleElement().satisfies(c -> {
            assertThat(c.unit()).isEqualTo("mm");
            assertThat(c.series()).extracting(ErrorTrendChart.Series::nominal).containsExactly("10 mm", "20 mm");
            assertThat(c.series()).allSatisfy(s -> assertThat(s.marks()).hasSize(2));
            // the earlier calibration is left of the later one
            var marks = c.series().getFirst().marks();
            assertThat(marks.get(0).x()).isLessThan(marks.get(1).x());
            assertThat(marks.get(0).title()).startsWith("2024-03-04 C-1: 0.00110 mm ± 0.00042 mm");
        });
    }

    @Test
    void theErrorAxisIncludesZeroAndTheToleranceWithRoundTicks() {
        var c = ErrorTrendChart.of(List.of(
                calibration(1, LocalDate.of(2024, 3, 4), CalibrationStatus.APPROVED, "0.0011", "0.0020"))).getFirst();

        assertThat(c.tolerance()).isEqualTo("0.02 mm");
        assertThat(c.yTicks()).extracting(ErrorTrendChart.Tick::label).contains("0", "0.02", "-0.02");
        assertThat(c.toleranceUpperY()).isGreaterThanOrEqualTo(c.top()).isLessThan(c.zeroY());
        assertThat(c.toleranceLowerY()).isLessThanOrEqualTo(c.bottom()).isGreaterThan(c.zeroY());
        // a single date is drawn in the middle of the time axis
        assertThat(c.series().getFirst().marks().getFirst().x()).isEqualTo((c.left() + c.right()) / 2.0);
    }

    @Test
    void noApprovedCalibrationMeansNoChart() {
        assertThat(ErrorTrendChart.of(List.of(
                calibration(1, LocalDate.of(2024, 3, 4), CalibrationStatus.SUBMITTED, "0.1", "0.1")))).isEmpty();
    }

    @Test
    void tickLabelsHaveTheDecimalsTheirStepNeedsAndNoFloatNoise() {
        assertThat(InstrumentNumbers.tick(0.1 + 0.2, 0.1)).isEqualTo("0.3");
        assertThat(InstrumentNumbers.tick(-0.02, 0.01)).isEqualTo("-0.02");
        assertThat(InstrumentNumbers.tick(1e-17, 0.005)).isEqualTo("0");
        assertThat(InstrumentNumbers.tick(20, 5)).isEqualTo("20");
    }

    @Test
    void aScannedPageAddressNamesTheInstrument() {
        assertThat(InstrumentPagesController.pageAddress("https://lims.example.org/instruments/42")).contains(42L);
        assertThat(InstrumentPagesController.pageAddress("/instruments/7")).contains(7L);
        assertThat(InstrumentPagesController.pageAddress("SN-42")).isEmpty();
        assertThat(InstrumentPagesController.pageAddress("https://x.org/certificates/42")).isEmpty();
    }
}
