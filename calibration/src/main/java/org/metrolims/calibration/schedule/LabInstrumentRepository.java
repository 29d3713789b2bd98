package org.metrolims.calibration.schedule;

import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.jooq.tables.Calibration;
import org.springframework.stereotype.Repository;

/** A lab's own instruments with the validity of their latest approved calibration (the lab portal's list). */
@Repository
class LabInstrumentRepository {

    private final DSLContext dsl;

    LabInstrumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One page of the organization's instruments with their latest approved calibration, in SQL (a COUNT and a
     * LIMIT/OFFSET page): narrowed by a search on manufacturer, model, serial or asset number; the default order
     * puts the earliest due first, those with no known due date after them and retired instruments last. Only an
     * instrument in service is overdue: a retired or out-of-service one is not due at all.
     */
    Page<LabInstrument> page(long organizationId, LocalDate today, String text, LabInstrumentSort sort,
            boolean descending, PageRequest page) {
        Calibration c = CALIBRATION.as("latest");
        var latest = select(c.ID).from(c)
                .where(c.INSTRUMENT_ID.eq(INSTRUMENT.ID).and(c.STATUS.eq("APPROVED")))
                .orderBy(c.CALIBRATED_ON.desc(), c.ID.desc()).limit(1);
        Condition where = INSTRUMENT.OWNER_ORGANIZATION_ID.eq(organizationId);
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(INSTRUMENT.MANUFACTURER.like(like).or(INSTRUMENT.MODEL.like(like))
                    .or(INSTRUMENT.SERIAL_NO.like(like)).or(INSTRUMENT.ASSET_NO.like(like)));
        }
        long total = dsl.fetchCount(INSTRUMENT, where);
        // in service first, whichever the direction: a retired instrument is not due
        Field<Integer> notInService = DSL.when(INSTRUMENT.STATUS.eq("IN_SERVICE"), 0).otherwise(1);
        List<SortField<?>> order = switch (sort) {
            case DUE_ON -> List.of(notInService.asc(), descending ? CALIBRATION.VALID_UNTIL.desc().nullsLast()
                    : CALIBRATION.VALID_UNTIL.asc().nullsLast());
            case INSTRUMENT -> List.of(descending ? INSTRUMENT.MANUFACTURER.desc() : INSTRUMENT.MANUFACTURER.asc(),
                    descending ? INSTRUMENT.MODEL.desc() : INSTRUMENT.MODEL.asc());
            case SERIAL -> List.of(descending ? INSTRUMENT.SERIAL_NO.desc() : INSTRUMENT.SERIAL_NO.asc());
            case LAST_CALIBRATED_ON -> List.of(descending ? CALIBRATION.CALIBRATED_ON.desc().nullsLast()
                    : CALIBRATION.CALIBRATED_ON.asc().nullsFirst());
            case STATUS -> List.of(descending ? INSTRUMENT.STATUS.desc() : INSTRUMENT.STATUS.asc());
        };
        List<SortField<?>> orderBy = new java.util.ArrayList<>(order);
        orderBy.add(descending ? INSTRUMENT.ID.desc() : INSTRUMENT.ID.asc());
        List<LabInstrument> items = dsl.select(INSTRUMENT.ID, INSTRUMENT.MANUFACTURER, INSTRUMENT.MODEL,
                        INSTRUMENT.SERIAL_NO, INSTRUMENT.STATUS, CALIBRATION.CALIBRATED_ON, CALIBRATION.VALID_UNTIL)
                .from(INSTRUMENT)
                .leftJoin(CALIBRATION).on(CALIBRATION.ID.eq(latest.asField()))
                .where(where)
                .orderBy(orderBy)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new LabInstrument(r.get(INSTRUMENT.ID), r.get(INSTRUMENT.MANUFACTURER),
                        r.get(INSTRUMENT.MODEL), r.get(INSTRUMENT.SERIAL_NO), r.get(INSTRUMENT.STATUS),
                        r.get(CALIBRATION.CALIBRATED_ON), r.get(CALIBRATION.VALID_UNTIL),
                        "IN_SERVICE".equals(r.get(INSTRUMENT.STATUS)) && r.get(CALIBRATION.VALID_UNTIL) != null
                                && r.get(CALIBRATION.VALID_UNTIL).isBefore(today)));
        return new Page<>(items, page.page(), page.size(), total);
    }
}
