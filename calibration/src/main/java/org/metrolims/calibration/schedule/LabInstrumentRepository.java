package org.metrolims.calibration.schedule;

import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.metrolims.db.jooq.tables.Calibration;
import org.springframework.stereotype.Repository;

/** A lab's own instruments with the validity of their latest approved calibration (the lab portal's list). */
@Repository
class LabInstrumentRepository {

    private final DSLContext dsl;

    LabInstrumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The organization's instruments with their latest approved calibration's date and validity, due first. */
    List<LabInstrument> instruments(long organizationId, LocalDate today, int limit) {
        Calibration c = CALIBRATION.as("latest");
        var latest = select(c.ID).from(c)
                .where(c.INSTRUMENT_ID.eq(INSTRUMENT.ID).and(c.STATUS.eq("APPROVED")))
                .orderBy(c.CALIBRATED_ON.desc(), c.ID.desc()).limit(1);
        return dsl.select(INSTRUMENT.ID, INSTRUMENT.MANUFACTURER, INSTRUMENT.MODEL, INSTRUMENT.SERIAL_NO,
                        INSTRUMENT.STATUS, CALIBRATION.CALIBRATED_ON, CALIBRATION.VALID_UNTIL)
                .from(INSTRUMENT)
                .leftJoin(CALIBRATION).on(CALIBRATION.ID.eq(latest.asField()))
                .where(INSTRUMENT.OWNER_ORGANIZATION_ID.eq(organizationId))
                .orderBy(CALIBRATION.VALID_UNTIL.isNull().desc(), CALIBRATION.VALID_UNTIL.asc(), INSTRUMENT.ID)
                .limit(limit)
                .fetch(r -> new LabInstrument(r.get(INSTRUMENT.ID), r.get(INSTRUMENT.MANUFACTURER),
                        r.get(INSTRUMENT.MODEL), r.get(INSTRUMENT.SERIAL_NO), r.get(INSTRUMENT.STATUS),
                        r.get(CALIBRATION.CALIBRATED_ON), r.get(CALIBRATION.VALID_UNTIL),
                        r.get(CALIBRATION.VALID_UNTIL) != null && r.get(CALIBRATION.VALID_UNTIL).isBefore(today)));
    }
}
