package org.metrolims.calibration.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.coverage.TargetProjection.Outcome;
import org.metrolims.calibration.coverage.TargetProjection.Projection;

class TargetProjectionTest {

    static final YearMonth LAST = YearMonth.of(2026, 10);

    @Test
    void anExactLineReachesTheTargetOnTheMonthItCrossesIt() {
        // 1900, 1910, ..., 1950 over six months: 2000 is reached five months after the last (x = 10)
        Projection p = TargetProjection.project(List.of(1900.0, 1910.0, 1920.0, 1930.0, 1940.0, 1950.0), LAST, 2000);
        assertThat(p.outcome()).isEqualTo(Outcome.PROJECTED);
        assertThat(p.slopePerMonth()).isCloseTo(10.0, within(1e-9));
        assertThat(p.slopeStandardError()).isCloseTo(0.0, within(1e-9));
        assertThat(p.expected()).contains(YearMonth.of(2027, 3));
        assertThat(p.earliest()).isEqualTo(p.expected());
        assertThat(p.latest()).isEqualTo(p.expected());
    }

    @Test
    void noisyProgressGivesARangeAroundTheExpectedMonth() {
        Projection p = TargetProjection.project(List.of(0.80, 0.83, 0.81, 0.85, 0.84, 0.87), LAST, 0.95);
        assertThat(p.outcome()).isEqualTo(Outcome.PROJECTED);
        // least squares by hand: x̄ = 2.5, ȳ = 0.8333…, Sxy = 0.21, Sxx = 17.5 → slope 0.012
        assertThat(p.slopePerMonth()).isCloseTo(0.012, within(1e-12));
        assertThat(p.earliest().orElseThrow()).isBefore(p.expected().orElseThrow());
        assertThat(p.latest().orElseThrow()).isAfter(p.expected().orElseThrow());
    }

    @Test
    void aFlatOrFallingFigureIsNotAtCurrentPaceAndOneAlreadyMetSaysSo() {
        assertThat(TargetProjection.project(List.of(0.9, 0.89, 0.88, 0.88), LAST, 0.95).outcome())
                .isEqualTo(Outcome.NOT_AT_CURRENT_PACE);
        assertThat(TargetProjection.project(List.of(0.9, 0.9, 0.9), LAST, 0.95).outcome())
                .isEqualTo(Outcome.NOT_AT_CURRENT_PACE);
        assertThat(TargetProjection.project(List.of(0.9, 0.96), LAST, 0.95).outcome()).isEqualTo(Outcome.ALREADY_MET);
        assertThat(TargetProjection.project(List.of(0.9, 0.91), LAST, 0.95).outcome())
                .isEqualTo(Outcome.TOO_FEW_POINTS);
    }
}
