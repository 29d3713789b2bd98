package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metrolims.app.proficiency.ResultHistogram.Bin;
import org.metrolims.app.proficiency.ResultHistogram.Marker;

class ResultHistogramTest {

    static int total(ResultHistogram h) {
        return h.bins().stream().mapToInt(Bin::count).sum();
    }

    static Marker marker(ResultHistogram h, String label) {
        return h.markers().stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void binsAddUpToTheNumberOfResults() {
        double[] values = new Random(13528).doubles(257, 9.5, 10.5).toArray();
        values[0] = 13.0; // an outlier far to the right

        ResultHistogram h = ResultHistogram.of(values, 10.0, 0.1);

        assertThat(total(h)).isEqualTo(257);
        assertThat(h.n()).isEqualTo(257);
        assertThat(h.lo()).isLessThanOrEqualTo(java.util.Arrays.stream(values).min().orElseThrow());
        assertThat(h.hi()).isGreaterThanOrEqualTo(13.0);
        assertThat(h.bins().size()).isLessThanOrEqualTo(ResultHistogram.MAX_BINS);
    }

    @Test
    void theAssignedValueMarkerSitsOnItsValueOnTheAxisAndTheLimitsAroundIt() {
        double[] values = {9.9, 10.0, 10.0, 10.1, 10.05, 9.95};

        ResultHistogram h = ResultHistogram.of(values, 10.0, 0.1);

        Marker assigned = marker(h, "x_pt");
        assertThat(assigned.value()).isEqualTo(10.0);
        // the axis spans x_pt ± 3.5 sigma_pt here, so x_pt is in the middle of the plot
        assertThat(h.lo()).isCloseTo(9.65, within(1e-9));
        assertThat(h.hi()).isCloseTo(10.35, within(1e-9));
        double middle = ResultHistogram.LEFT + (ResultHistogram.WIDTH - ResultHistogram.LEFT - ResultHistogram.RIGHT)
                / 2.0;
        assertThat(assigned.x()).isCloseTo(middle, within(0.05));
        assertThat(marker(h, "+2σ").x() - assigned.x()).isCloseTo(assigned.x() - marker(h, "−2σ").x(), within(0.1));
        assertThat(marker(h, "+3σ").value()).isCloseTo(10.3, within(1e-12));
        assertThat(marker(h, "−3σ").x()).isLessThan(marker(h, "−2σ").x());
        // bins are sigma_pt / 2 wide with an edge on x_pt: 10.0 counts in the bin [10.0, 10.05)
        assertThat(h.bins()).anySatisfy(b -> {
            assertThat(b.from()).isCloseTo(10.0, within(1e-9));
            assertThat(b.count()).isEqualTo(2);
        });
        assertThat(total(h)).isEqualTo(6);
    }

    @Test
    void anAssignedValueOffCentreIsMarkedWhereItLies() {
        double[] values = {10.0, 10.2, 10.4, 10.6, 10.8, 11.0, 12.0};

        ResultHistogram h = ResultHistogram.of(values, 10.5, 0.1);

        double expected = ResultHistogram.x(10.5, h.lo(), h.hi());
        assertThat(marker(h, "x_pt").x()).isCloseTo(expected, within(0.05));
        assertThat(h.lo()).isLessThanOrEqualTo(10.0);
        assertThat(h.hi()).isGreaterThanOrEqualTo(12.0);
        assertThat(total(h)).isEqualTo(7);
    }

    @Test
    void farOutliersDoNotMakeThousandsOfBins() {
        double[] values = {10.0, 10.1, 9.9, 1000.0};

        ResultHistogram h = ResultHistogram.of(values, 10.0, 0.1);

        assertThat(h.bins().size()).isLessThanOrEqualTo(ResultHistogram.MAX_BINS);
        assertThat(total(h)).isEqualTo(4);
        assertThat(h.bins().getLast().count()).isEqualTo(1); // the maximum falls in the last bin
    }

    @Test
    void beforeScoringThereAreNoMarksAndIdenticalResultsStillMakeABar() {
        ResultHistogram h = ResultHistogram.of(new double[] {5.0, 5.0, 5.0}, null, null);

        assertThat(h.markers()).isEmpty();
        assertThat(total(h)).isEqualTo(3);
        assertThat(h.maxCount()).isEqualTo(3);
        assertThat(h.lo()).isLessThan(5.0);
        assertThat(h.hi()).isGreaterThan(5.0);
    }
}
