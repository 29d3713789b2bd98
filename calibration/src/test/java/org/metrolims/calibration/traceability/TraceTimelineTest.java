package org.metrolims.calibration.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TraceTimelineTest {

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void rangesJoinTheDaysAVerdictHoldsBetweenItsChanges() {
        // true from 2024-01-10, false from 2024-03-01, true again from 2024-06-01 for good
        TreeSet<LocalDate> changes = new TreeSet<>(List.of(d(2024, 1, 10), d(2024, 3, 1), d(2024, 4, 1), d(2024, 6, 1)));
        List<DayRange> ranges = TraceTimeline.ranges(changes,
                day -> !day.isBefore(d(2024, 1, 10)) && (day.isBefore(d(2024, 3, 1)) || !day.isBefore(d(2024, 6, 1))));
        assertThat(ranges).containsExactly(new DayRange(d(2024, 1, 10), d(2024, 2, 29)),
                new DayRange(d(2024, 6, 1), LocalDate.MAX));
    }

    @Test
    void aVerdictTrueBeforeEveryChangeStartsAtTheOpenEnd() {
        assertThat(TraceTimeline.ranges(new TreeSet<>(List.of(d(2025, 1, 1))), day -> day.isBefore(d(2025, 1, 1))))
                .containsExactly(new DayRange(LocalDate.MIN, d(2024, 12, 31)));
    }

    @Test
    void theFirstDifferenceIsTheFirstDayOnlyOneSideCovers() {
        List<DayRange> before = List.of(new DayRange(d(2024, 1, 10), d(2026, 1, 4)));
        List<DayRange> after = List.of(new DayRange(d(2024, 1, 10), d(2025, 1, 9)));
        assertThat(TraceTimeline.firstDifference(before, after)).contains(d(2025, 1, 10));
        assertThat(TraceTimeline.firstDifference(before, before)).isEqualTo(Optional.empty());
        assertThat(TraceTimeline.firstDifference(List.of(), after)).contains(d(2024, 1, 10));
        // the same days split differently are the same days
        List<DayRange> split = List.of(new DayRange(d(2024, 1, 10), d(2024, 5, 31)),
                new DayRange(d(2024, 6, 1), d(2025, 1, 9)));
        assertThat(TraceTimeline.firstDifference(split, after)).isEmpty();
    }
}
