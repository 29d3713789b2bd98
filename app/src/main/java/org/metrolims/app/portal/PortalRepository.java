package org.metrolims.app.portal;

import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.metrolims.db.jooq.tables.Calibration;
import org.springframework.stereotype.Repository;

@Repository
class PortalRepository {

    private final DSLContext dsl;

    PortalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The organization's instruments with their latest approved calibration's date and validity, due first. */
    List<PortalInstrument> instruments(long organizationId, LocalDate today, int limit) {
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
                .fetch(r -> new PortalInstrument(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value7() != null && r.value7().isBefore(today)));
    }
}
