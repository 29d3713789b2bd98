package org.metrolims.calibration.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CALIBRATION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;

/**
 * A laboratory's list holds the records it performed and those it ordered from others, read apart and merged: the
 * pages must still be exactly the records it may see, in calibration-date order, with the right total.
 */
class CalibrationListOrderTest {

    @Test
    void pagesMergeThePerformedAndTheOrderedRecordsInDateOrder() {
        RecordFixture g = new RecordFixture(TestDatabase.newSchema(CalibrationListOrderTest.class).dsl());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(g.records.draft(g.tech1, g.draft()).id());
        }
        // dates with ties, so that the id decides between records of one day
        LocalDate[] dates = {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1),
                LocalDate.of(2024, 1, 9), LocalDate.of(2025, 5, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2023, 7, 7),
                LocalDate.of(2025, 3, 1), LocalDate.of(2024, 12, 31)};
        for (int i = 0; i < ids.size(); i++) {
            g.dsl.update(CALIBRATION).set(CALIBRATION.CALIBRATED_ON, dates[i]).set(CALIBRATION.RECEIVED_ON, dates[i])
                    .setNull(CALIBRATION.VALID_UNTIL).where(CALIBRATION.ID.eq(ids.get(i)))
                    .execute();
        }
        // three the institute ordered from the other lab, one the other lab performed for somebody else
        for (int i : new int[] {1, 3, 5}) {
            g.dsl.update(CALIBRATION).set(CALIBRATION.PERFORMING_ORGANIZATION_ID, g.otherLab)
                    .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, g.institute).where(CALIBRATION.ID.eq(ids.get(i)))
                    .execute();
        }
        g.dsl.update(CALIBRATION).set(CALIBRATION.PERFORMING_ORGANIZATION_ID, g.otherLab)
                .where(CALIBRATION.ID.eq(ids.get(8))).execute();
        Comparator<Integer> byDateThenId = Comparator.<Integer, LocalDate>comparing(i -> dates[i])
                .thenComparing(ids::get);
        List<Long> newestFirst = java.util.stream.IntStream.range(0, 8).boxed().sorted(byDateThenId.reversed())
                .map(ids::get).toList();

        assertThat(allPages(g, g.tech1, true)).containsExactlyElementsOf(newestFirst);
        assertThat(allPages(g, g.tech1, false)).containsExactlyElementsOf(newestFirst.reversed());
        assertThat(g.records.list(g.tech1, CalibrationFilter.any(), new PageRequest(0, 3)).totalItems()).isEqualTo(8);
        // the customer performs nothing: every record it sees comes from the ordered side
        List<Long> customers = java.util.stream.IntStream.of(0, 2, 4, 6, 7, 8).boxed().sorted(byDateThenId.reversed())
                .map(ids::get).toList();
        assertThat(allPages(g, g.customerUser, true)).containsExactlyElementsOf(customers);
    }

    private static List<Long> allPages(RecordFixture g, Actor actor, boolean descending) {
        List<Long> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<CalibrationSummary> p = g.records.list(actor, CalibrationFilter.any(), null,
                    CalibrationSort.CALIBRATED_ON, descending, new PageRequest(page, 2));
            p.items().forEach(s -> seen.add(s.id()));
            if (p.items().size() < 2) {
                return seen;
            }
        }
    }
}
