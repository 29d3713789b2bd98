package org.metrolims.calibration.standard;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.util.Map;
import org.jooq.DSLContext;
import org.metrolims.calibration.internal.ReferenceCodes;
import org.metrolims.calibration.internal.ReferenceCodes.QuantityRef;
import org.springframework.stereotype.Repository;

/**
 * The reference data the registry's codes name, read whole (they are small: tens of disciplines and quantities, a
 * few hundred organizations and regions) so that validating a file of thousands of rows asks the database once.
 */
@Repository
class RegistryReferenceRepository {

    private final DSLContext dsl;

    public RegistryReferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ReferenceCodes load() {
        return new ReferenceCodes(
                dsl.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID),
                dsl.select(QUANTITY.CODE, QUANTITY.ID, DISCIPLINE.CODE).from(QUANTITY)
                        .join(DISCIPLINE).on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID))
                        .fetchMap(QUANTITY.CODE, r -> new QuantityRef(r.get(QUANTITY.ID), r.get(DISCIPLINE.CODE))),
                dsl.select(ORGANIZATION.CODE, ORGANIZATION.ID).from(ORGANIZATION)
                        .fetchMap(ORGANIZATION.CODE, ORGANIZATION.ID),
                dsl.select(REGION.CODE, REGION.ID).from(REGION).fetchMap(REGION.CODE, REGION.ID),
                dsl.select(INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE)
                        .fetchMap(INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.ID));
    }
}
