package org.metrolims.calibration.schedule;

import static org.jooq.impl.DSL.noCondition;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE_DIRTY;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.LAB_CAPACITY;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.PROCEDURE_INTERVAL;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** The schedule table (kept by V6's triggers), the interval settings and the lab capacities. */
@Repository
class ScheduleRepository {

    /** The interval an instrument follows, first found of hand-set, standard, procedure, type (V6 header). */
    private static final String EFFECTIVE_MONTHS = "COALESCE(i.calibration_interval_months, ms.calibration_interval_months,"
            + " pi.interval_months, t.default_interval_months)";
    private static final String IN_SERVICE = "IN_SERVICE";
    private static final int REFRESH_BATCH = 20_000;

    private final DSLContext dsl;

    ScheduleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Page<DueItem> due(DueFilter f, String text, DueSort sort, boolean descending, PageRequest page) {
        var s = CALIBRATION_SCHEDULE;
        Condition where = condition(f);
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(s.INSTRUMENT_ID.in(org.jooq.impl.DSL.select(INSTRUMENT.ID).from(INSTRUMENT)
                    .where(INSTRUMENT.SERIAL_NO.like(like).or(INSTRUMENT.ASSET_NO.like(like)))));
        }
        long total = dsl.fetchCount(s, where);
        // the page's ids from the schedule alone (by default in index order: (status, due_on) then the primary
        // key), and only then the names for those few rows
        Field<?> column = switch (sort) {
            case LAST_CALIBRATED_ON -> s.LAST_CALIBRATED_ON;
            case INTERVAL -> s.INTERVAL_MONTHS;
            case DUE_ON -> s.DUE_ON;
        };
        List<Long> ids = dsl.select(s.INSTRUMENT_ID).from(s).where(where)
                .orderBy(descending ? column.desc() : column.asc(),
                        descending ? s.INSTRUMENT_ID.desc() : s.INSTRUMENT_ID.asc())
                .limit(page.size()).offset(page.offset()).fetch(s.INSTRUMENT_ID);
        Map<Long, DueItem> byId = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(s.INSTRUMENT_ID, INSTRUMENT.ASSET_NO, INSTRUMENT.SERIAL_NO, s.INSTRUMENT_TYPE_ID,
                            INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN, s.DISCIPLINE_ID,
                            s.OWNER_ORGANIZATION_ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN,
                            s.MEASUREMENT_STANDARD_ID, s.LAST_CALIBRATED_ON, s.INTERVAL_MONTHS, s.DUE_ON,
                            s.PERFORMING_ORGANIZATION_ID, s.TECHNICIAN_ID)
                    .from(s)
                    .join(INSTRUMENT).on(INSTRUMENT.ID.eq(s.INSTRUMENT_ID))
                    .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(s.INSTRUMENT_TYPE_ID))
                    .join(ORGANIZATION).on(ORGANIZATION.ID.eq(s.OWNER_ORGANIZATION_ID))
                    .where(s.INSTRUMENT_ID.in(ids))
                    .forEach(r -> byId.put(r.get(s.INSTRUMENT_ID), new DueItem(r.get(s.INSTRUMENT_ID),
                            r.get(INSTRUMENT.ASSET_NO), r.get(INSTRUMENT.SERIAL_NO), r.get(s.INSTRUMENT_TYPE_ID),
                            r.get(INSTRUMENT_TYPE.CODE), r.get(INSTRUMENT_TYPE.NAME_ZH), r.get(INSTRUMENT_TYPE.NAME_EN),
                            r.get(s.DISCIPLINE_ID), r.get(s.OWNER_ORGANIZATION_ID), r.get(ORGANIZATION.CODE),
                            r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN),
                            Optional.ofNullable(r.get(s.MEASUREMENT_STANDARD_ID)),
                            Optional.ofNullable(r.get(s.LAST_CALIBRATED_ON)), r.get(s.INTERVAL_MONTHS), r.get(s.DUE_ON),
                            Optional.ofNullable(r.get(s.PERFORMING_ORGANIZATION_ID)),
                            Optional.ofNullable(r.get(s.TECHNICIAN_ID)), r.get(s.DUE_ON).isBefore(f.asOf()))));
        }
        List<DueItem> items = ids.stream().map(byId::get).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Due work of the filter as (instrument, discipline, due date), earliest first, for the planner. */
    List<CapacityPlanner.Job> jobs(DueFilter f) {
        var s = CALIBRATION_SCHEDULE;
        return dsl.select(s.INSTRUMENT_ID, s.DISCIPLINE_ID, s.DUE_ON).from(s).where(condition(f))
                .orderBy(s.DUE_ON, s.INSTRUMENT_ID)
                .fetch(r -> new CapacityPlanner.Job(r.get(s.INSTRUMENT_ID), r.get(s.DISCIPLINE_ID), r.get(s.DUE_ON)));
    }

    private static Condition condition(DueFilter f) {
        var s = CALIBRATION_SCHEDULE;
        return s.INSTRUMENT_STATUS.eq(IN_SERVICE).and(s.DUE_ON.le(f.horizon()))
                .and(f.ownerId().map(s.OWNER_ORGANIZATION_ID::eq).orElse(noCondition()))
                .and(f.regionPrefix().map(p -> s.REGION_CODE.startsWith(p)).orElse(noCondition()))
                .and(f.disciplineId().map(s.DISCIPLINE_ID::eq).orElse(noCondition()))
                .and(f.performerId().map(s.PERFORMING_ORGANIZATION_ID::eq).orElse(noCondition()))
                .and(f.technicianId().map(s.TECHNICIAN_ID::eq).orElse(noCondition()));
    }

    /** Of the given standards, those with an item of in-service equipment not in calibration on {@code on}. */
    Set<Long> overdueStandards(Collection<Long> standardIds, LocalDate on) {
        if (standardIds.isEmpty()) {
            return Set.of();
        }
        String in = standardIds.stream().map(x -> "?").collect(Collectors.joining(", "));
        Object[] binds = new Object[standardIds.size() + 3];
        binds[0] = on;
        int k = 1;
        for (Long id : standardIds) {
            binds[k++] = id;
        }
        binds[k++] = on;
        binds[k] = on;
        return new HashSet<>(dsl.fetch("""
                SELECT i.measurement_standard_id
                FROM instrument i
                JOIN instrument_type t ON t.id = i.instrument_type_id
                JOIN measurement_standard ms ON ms.id = i.measurement_standard_id
                LEFT JOIN calibration c ON c.id = (SELECT c2.id FROM calibration c2
                                                   WHERE c2.instrument_id = i.id AND c2.status = 'APPROVED'
                                                     AND c2.calibrated_on <= ?
                                                   ORDER BY c2.calibrated_on DESC, c2.id DESC LIMIT 1)
                LEFT JOIN procedure_interval pi ON pi.procedure_code = c.procedure_code
                WHERE i.measurement_standard_id IN (%s) AND i.status = 'IN_SERVICE'
                  AND DATE(i.created_at) <= ?
                GROUP BY i.measurement_standard_id
                HAVING SUM(c.id IS NULL OR LEAST(COALESCE(c.valid_until, DATE '9999-12-31'),
                           c.calibrated_on + INTERVAL %s MONTH) < ?) > 0
                """.formatted(in, EFFECTIVE_MONTHS), binds).getValues(0, Long.class));
    }

    /** The latest assessment certificate of each active standard, where it expires on or before {@code horizon}. */
    List<ExpiringCertificate> expiringCertificates(LocalDate horizon, Optional<Long> ownerId) {
        return dsl.fetch("""
                SELECT c.id, c.certificate_no, ms.id, ms.code, ms.name_zh, ms.name_en, ms.owner_organization_id,
                       c.expires_on
                FROM measurement_standard ms
                JOIN standard_assessment_certificate c ON c.standard_id = ms.id
                WHERE ms.status = 'ACTIVE' AND c.expires_on <= ? AND (? IS NULL OR ms.owner_organization_id = ?)
                  AND NOT EXISTS (SELECT 1 FROM standard_assessment_certificate later
                                  WHERE later.standard_id = ms.id AND (later.expires_on > c.expires_on
                                        OR (later.expires_on = c.expires_on AND later.id > c.id)))
                ORDER BY c.expires_on, c.id
                """, horizon, ownerId.orElse(null), ownerId.orElse(null))
                .map(r -> new ExpiringCertificate(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class), r.get(6, Long.class),
                        r.get(7, LocalDate.class)));
    }

    /**
     * Refreshes the rows the triggers marked stale: takes the marks first (so a mark made meanwhile stays
     * for the next call), then recomputes those instruments, consecutive ids as one range.
     * <p>
     * Never waits for a writer, so that it cannot deadlock with one (the load bench found that: a draft, submission
     * or approval holds its calibration row and then marks the instrument in the trigger, while a due list held the
     * mark and then read the calibration row). The marks are taken {@code FOR UPDATE SKIP LOCKED}: a mark another
     * transaction is writing or re-marking belongs to a change not yet committed, stays, and is refreshed by the next
     * call after that commit. The caller runs this at READ COMMITTED (see {@link CalibrationSchedules}): the
     * recomputation's {@code INSERT … SELECT} is then a consistent read of the committed calibrations, taking no
     * shared locks on them, and its snapshot starts after the marks were taken, so it sees every change they mark.
     */
    int refreshMarked() {
        var d = CALIBRATION_SCHEDULE_DIRTY;
        List<Long> ids = dsl.select(d.INSTRUMENT_ID).from(d).orderBy(d.INSTRUMENT_ID).limit(100_000)
                .forUpdate().skipLocked().fetch(d.INSTRUMENT_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        for (int k = 0; k < ids.size(); k += 5_000) {
            dsl.deleteFrom(d).where(d.INSTRUMENT_ID.in(ids.subList(k, Math.min(ids.size(), k + 5_000)))).execute();
        }
        int i = 0;
        while (i < ids.size()) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1 && j + 1 - i < REFRESH_BATCH) {
                j++;
            }
            dsl.execute("CALL refresh_calibration_schedule(?, ?)", ids.get(i), ids.get(j));
            i = j + 1;
        }
        return ids.size();
    }

    /** Rebuilds every schedule row from the calibrations, in batches of instrument ids, and clears the marks it covered. */
    int refreshAll() {
        var d = CALIBRATION_SCHEDULE_DIRTY;
        List<Long> marked = dsl.select(d.INSTRUMENT_ID).from(d).fetch(d.INSTRUMENT_ID);
        Record bounds = dsl.select(org.jooq.impl.DSL.min(INSTRUMENT.ID), org.jooq.impl.DSL.max(INSTRUMENT.ID))
                .from(INSTRUMENT).fetchSingle();
        Long min = bounds.get(0, Long.class);
        Long max = bounds.get(1, Long.class);
        if (min == null) {
            return 0;
        }
        for (long from = min; from <= max; from += REFRESH_BATCH) {
            dsl.execute("CALL refresh_calibration_schedule(?, ?)", from, Math.min(max, from + REFRESH_BATCH - 1));
        }
        for (int k = 0; k < marked.size(); k += 5_000) {
            dsl.deleteFrom(d).where(d.INSTRUMENT_ID.in(marked.subList(k, Math.min(marked.size(), k + 5_000)))).execute();
        }
        return dsl.fetchCount(CALIBRATION_SCHEDULE);
    }

    /** Recomputes interval and due date of the rows matching {@code where} (a condition on {@code s.}) after an interval change. */
    private int recompute(String where, Object bind) {
        return dsl.execute("""
                UPDATE calibration_schedule s
                JOIN instrument i ON i.id = s.instrument_id
                JOIN instrument_type t ON t.id = i.instrument_type_id
                LEFT JOIN measurement_standard ms ON ms.id = i.measurement_standard_id
                LEFT JOIN procedure_interval pi ON pi.procedure_code = s.last_procedure_code
                SET s.interval_months = %1$s,
                    s.due_on = CASE WHEN s.last_calibration_id IS NULL THEN s.due_on
                                    ELSE LEAST(COALESCE(s.last_valid_until, DATE '9999-12-31'),
                                               s.last_calibrated_on + INTERVAL %1$s MONTH) END
                WHERE %2$s
                """.formatted(EFFECTIVE_MONTHS, where), bind);
    }

    Optional<Integer> typeInterval(long typeId) {
        return dsl.select(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS).from(INSTRUMENT_TYPE)
                .where(INSTRUMENT_TYPE.ID.eq(typeId)).fetchOptional(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS);
    }

    int setTypeInterval(long typeId, int months) {
        dsl.update(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, months)
                .where(INSTRUMENT_TYPE.ID.eq(typeId)).execute();
        return recompute("s.instrument_type_id = ?", typeId);
    }

    Optional<Integer> procedureInterval(String code) {
        return dsl.select(PROCEDURE_INTERVAL.INTERVAL_MONTHS).from(PROCEDURE_INTERVAL)
                .where(PROCEDURE_INTERVAL.PROCEDURE_CODE.eq(code)).fetchOptional(PROCEDURE_INTERVAL.INTERVAL_MONTHS);
    }

    int setProcedureInterval(String code, int months, String actor) {
        dsl.insertInto(PROCEDURE_INTERVAL).set(PROCEDURE_INTERVAL.PROCEDURE_CODE, code)
                .set(PROCEDURE_INTERVAL.INTERVAL_MONTHS, months).set(PROCEDURE_INTERVAL.UPDATED_BY, actor)
                .onDuplicateKeyUpdate().set(PROCEDURE_INTERVAL.INTERVAL_MONTHS, months)
                .set(PROCEDURE_INTERVAL.UPDATED_BY, actor)
                .set(PROCEDURE_INTERVAL.UPDATED_AT, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                .execute();
        return recompute("s.last_procedure_code = ?", code);
    }

    /** The standard's owner, if the standard exists. */
    Optional<Long> standardOwner(long standardId) {
        return dsl.select(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(standardId)).fetchOptional(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID);
    }

    Optional<Integer> standardInterval(long standardId) {
        return dsl.select(MEASUREMENT_STANDARD.CALIBRATION_INTERVAL_MONTHS).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(standardId)).fetchOptional(MEASUREMENT_STANDARD.CALIBRATION_INTERVAL_MONTHS);
    }

    int setStandardInterval(long standardId, Integer months) {
        dsl.update(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CALIBRATION_INTERVAL_MONTHS, months)
                .where(MEASUREMENT_STANDARD.ID.eq(standardId)).execute();
        return recompute("s.measurement_standard_id = ?", standardId);
    }

    boolean organizationExists(long id) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.ID.eq(id));
    }

    /** Weekly capacity per discipline id. */
    Map<Long, Integer> capacities(long organizationId) {
        var c = LAB_CAPACITY;
        Map<Long, Integer> out = new LinkedHashMap<>();
        dsl.select(c.DISCIPLINE_ID, c.WEEKLY_CAPACITY).from(c).where(c.ORGANIZATION_ID.eq(organizationId))
                .orderBy(c.DISCIPLINE_ID).forEach(r -> out.put(r.get(c.DISCIPLINE_ID), r.get(c.WEEKLY_CAPACITY)));
        return out;
    }

    void setCapacity(long organizationId, long disciplineId, int weekly, String actor) {
        var c = LAB_CAPACITY;
        dsl.insertInto(c).set(c.ORGANIZATION_ID, organizationId).set(c.DISCIPLINE_ID, disciplineId)
                .set(c.WEEKLY_CAPACITY, weekly).set(c.UPDATED_BY, actor)
                .onDuplicateKeyUpdate().set(c.WEEKLY_CAPACITY, weekly).set(c.UPDATED_BY, actor)
                .set(c.UPDATED_AT, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
                .execute();
    }

    /** Instruments in service with a schedule row (for tests and the bench). */
    long scheduledInService() {
        return dsl.fetchCount(CALIBRATION_SCHEDULE, CALIBRATION_SCHEDULE.INSTRUMENT_STATUS.eq(IN_SERVICE));
    }
}
