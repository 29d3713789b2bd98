package org.metrolims.calibration.traceability;

import static org.jooq.Records.mapping;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.STANDARD_TRACE_PERIOD;
import static org.metrolims.db.jooq.Tables.TRACE_CHANGE;
import static org.metrolims.db.jooq.Tables.TRACE_SUMMARY_STATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The stored {@link StandardTrace}s (V15), the marks the triggers leave, and the lock refreshes take. */
@Repository
class TraceSummaryRepository {

    private static final String COUNTS = "COUNTS";
    private static final String COMPLETE = "COMPLETE";
    private static final int ROWS_PER_INSERT = 2000;

    private final DSLContext dsl;

    TraceSummaryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A mark left by a trigger: standard 0 stands for every standard. */
    record Change(long id, long standardId, boolean dependents) {
    }

    boolean anyChange() {
        return dsl.fetchExists(TRACE_CHANGE);
    }

    /** Waits for, then holds until commit, the one lock of the summary. */
    void lock() {
        dsl.select(TRACE_SUMMARY_STATE.ID).from(TRACE_SUMMARY_STATE).where(TRACE_SUMMARY_STATE.ID.eq(1)).forUpdate()
                .fetch();
    }

    List<Change> changes() {
        var t = TRACE_CHANGE;
        return dsl.select(t.ID, t.STANDARD_ID, t.DEPENDENTS).from(t).orderBy(t.ID)
                .fetch(mapping(Change::new));
    }

    /** Removes the marks read (by id: marks left meanwhile stay for the next refresh) and notes the refresh. */
    void forget(List<Change> changes) {
        List<Long> ids = changes.stream().map(Change::id).toList();
        for (List<Long> part : TraceabilityRepository.chunks(ids)) {
            dsl.deleteFrom(TRACE_CHANGE).where(TRACE_CHANGE.ID.in(part)).execute();
        }
        long last = ids.stream().mapToLong(Long::longValue).max().orElse(0);
        dsl.update(TRACE_SUMMARY_STATE)
                .set(TRACE_SUMMARY_STATE.LAST_CHANGE, DSL.greatest(TRACE_SUMMARY_STATE.LAST_CHANGE, DSL.val(last)))
                .set(TRACE_SUMMARY_STATE.REFRESHED_AT, LocalDateTime.now())
                .where(TRACE_SUMMARY_STATE.ID.eq(1)).execute();
    }

    /** The standards whose equipment's approved calibrations done on or after {@code from} name one of these. */
    Set<Long> dependents(Collection<Long> standardIds, LocalDate from) {
        var r = CALIBRATION_REFERENCE_STANDARD;
        var c = CALIBRATION;
        var i = INSTRUMENT;
        Set<Long> out = new HashSet<>();
        for (List<Long> part : TraceabilityRepository.chunks(List.copyOf(standardIds))) {
            dsl.selectDistinct(i.MEASUREMENT_STANDARD_ID).from(r)
                    .join(c).on(c.ID.eq(r.CALIBRATION_ID))
                    .join(i).on(i.ID.eq(c.INSTRUMENT_ID))
                    .where(r.MEASUREMENT_STANDARD_ID.in(part))
                    .and(c.STATUS.eq("APPROVED"))
                    .and(from.equals(LocalDate.MIN) ? DSL.noCondition() : c.CALIBRATED_ON.ge(from))
                    .and(i.MEASUREMENT_STANDARD_ID.isNotNull())
                    .forEach(x -> out.add(x.get(i.MEASUREMENT_STANDARD_ID)));
        }
        return out;
    }

    /** The stored traces of these standards (absent: none stored). */
    Map<Long, StandardTrace> traces(Collection<Long> standardIds) {
        Map<Long, Ranges> found = new HashMap<>();
        for (List<Long> part : TraceabilityRepository.chunks(List.copyOf(standardIds))) {
            read(STANDARD_TRACE_PERIOD.STANDARD_ID.in(part), found);
        }
        return traces(found);
    }

    /** Every stored trace. */
    Map<Long, StandardTrace> all() {
        Map<Long, Ranges> found = new HashMap<>();
        read(DSL.noCondition(), found);
        return traces(found);
    }

    /** The stored ranges that touch the days from {@code first} to {@code last}, per standard (others: absent). */
    Map<Long, StandardTrace> overlapping(LocalDate first, LocalDate last) {
        var p = STANDARD_TRACE_PERIOD;
        Map<Long, Ranges> found = new HashMap<>();
        read(p.VALID_FROM.isNull().or(p.VALID_FROM.le(last)).and(p.VALID_UNTIL.isNull().or(p.VALID_UNTIL.ge(first))),
                found);
        return traces(found);
    }

    /** Replaces the stored ranges of each standard given by the ones given, and removes those of {@code gone}. */
    void replace(Collection<StandardTrace> traces, Collection<Long> gone) {
        var p = STANDARD_TRACE_PERIOD;
        List<Long> ids = new ArrayList<>(gone);
        traces.forEach(t -> ids.add(t.standardId()));
        for (List<Long> part : TraceabilityRepository.chunks(ids)) {
            dsl.deleteFrom(p).where(p.STANDARD_ID.in(part)).execute();
        }
        List<Object[]> rows = new ArrayList<>();
        for (StandardTrace t : traces) {
            t.counts().forEach(r -> rows.add(row(t.standardId(), COUNTS, r)));
            t.complete().forEach(r -> rows.add(row(t.standardId(), COMPLETE, r)));
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            var insert = dsl.insertInto(p, p.STANDARD_ID, p.KIND, p.VALID_FROM, p.VALID_UNTIL);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values((Long) row[0], (String) row[1], (LocalDate) row[2], (LocalDate) row[3]);
            }
            insert.execute();
        }
    }

    private static Object[] row(long standardId, String kind, DayRange r) {
        return new Object[] {standardId, kind, r.from().equals(LocalDate.MIN) ? null : r.from(),
                r.until().equals(LocalDate.MAX) ? null : r.until()};
    }

    private record Ranges(List<DayRange> counts, List<DayRange> complete) {
    }

    private void read(Condition which, Map<Long, Ranges> found) {
        var p = STANDARD_TRACE_PERIOD;
        dsl.select(p.STANDARD_ID, p.KIND, p.VALID_FROM, p.VALID_UNTIL).from(p).where(which)
                .forEach(x -> {
                    Ranges r = found.computeIfAbsent(x.get(p.STANDARD_ID), k -> new Ranges(new ArrayList<>(),
                            new ArrayList<>()));
                    DayRange range = new DayRange(x.get(p.VALID_FROM) == null ? LocalDate.MIN : x.get(p.VALID_FROM),
                            x.get(p.VALID_UNTIL) == null ? LocalDate.MAX : x.get(p.VALID_UNTIL));
                    (COUNTS.equals(x.get(p.KIND)) ? r.counts() : r.complete()).add(range);
                });
    }

    private static Map<Long, StandardTrace> traces(Map<Long, Ranges> found) {
        Map<Long, StandardTrace> out = new HashMap<>();
        java.util.Comparator<DayRange> order = java.util.Comparator.comparing(DayRange::from);
        found.forEach((id, r) -> {
            r.counts().sort(order);
            r.complete().sort(order);
            out.put(id, new StandardTrace(id, r.counts(), r.complete()));
        });
        return out;
    }
}
