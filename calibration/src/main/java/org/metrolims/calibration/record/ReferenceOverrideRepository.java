package org.metrolims.calibration.record;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_OVERRIDE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The documented overrides of unfit reference standards, per calibration record. */
@Repository
class ReferenceOverrideRepository {

    private final DSLContext dsl;

    public ReferenceOverrideRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the record's overrides with {@code overrides} (a draft's are rewritten with its content). */
    void replace(long calibrationId, List<DocumentedOverride> overrides) {
        var o = CALIBRATION_REFERENCE_OVERRIDE;
        dsl.deleteFrom(o).where(o.CALIBRATION_ID.eq(calibrationId)).execute();
        for (DocumentedOverride d : overrides) {
            dsl.insertInto(o).set(o.CALIBRATION_ID, calibrationId).set(o.MEASUREMENT_STANDARD_ID, d.standardId())
                    .set(o.PROBLEMS, d.problems().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .set(o.REASON, d.reason()).set(o.OVERRIDDEN_BY, d.overriddenById())
                    .set(o.OVERRIDDEN_AT, d.overriddenAt())
                    .execute();
        }
    }

    /** The record's overrides, by standard code, with the standards' names and the deciding technician's name. */
    List<DocumentedOverride> of(long calibrationId) {
        var o = CALIBRATION_REFERENCE_OVERRIDE;
        return dsl.select(o.MEASUREMENT_STANDARD_ID, MEASUREMENT_STANDARD.CODE, MEASUREMENT_STANDARD.NAME_ZH,
                        MEASUREMENT_STANDARD.NAME_EN, o.PROBLEMS, o.REASON, o.OVERRIDDEN_BY, APP_USER.DISPLAY_NAME,
                        o.OVERRIDDEN_AT)
                .from(o)
                .join(MEASUREMENT_STANDARD).on(MEASUREMENT_STANDARD.ID.eq(o.MEASUREMENT_STANDARD_ID))
                .join(APP_USER).on(APP_USER.ID.eq(o.OVERRIDDEN_BY))
                .where(o.CALIBRATION_ID.eq(calibrationId))
                .orderBy(MEASUREMENT_STANDARD.CODE)
                .fetch(r -> new DocumentedOverride(r.get(o.MEASUREMENT_STANDARD_ID), r.get(MEASUREMENT_STANDARD.CODE),
                        r.get(MEASUREMENT_STANDARD.NAME_ZH), r.get(MEASUREMENT_STANDARD.NAME_EN),
                        Arrays.stream(r.get(o.PROBLEMS).split(",")).map(UnfitReference.Problem::valueOf).toList(),
                        r.get(o.REASON), r.get(o.OVERRIDDEN_BY), r.get(APP_USER.DISPLAY_NAME),
                        r.get(o.OVERRIDDEN_AT)));
    }
}
