package org.metrolims.calibration.instrument;

import static org.jooq.impl.DSL.noCondition;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.SelectOnConditionStep;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** Instruments with their owner, type and the standard whose equipment they are. */
@Repository
class InstrumentRepository {

    static final String ENTITY = "instrument";

    private final DSLContext dsl;

    InstrumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long owner, long type, InstrumentDetails d) {
        var i = INSTRUMENT;
        return dsl.insertInto(i)
                .set(i.OWNER_ORGANIZATION_ID, owner).set(i.INSTRUMENT_TYPE_ID, type).set(i.ASSET_NO, d.assetNo())
                .set(i.MANUFACTURER, d.manufacturer()).set(i.MODEL, d.model()).set(i.SERIAL_NO, d.serialNo())
                .set(i.RANGE_LOW, d.rangeLow()).set(i.RANGE_HIGH, d.rangeHigh()).set(i.UNIT, d.unit())
                .set(i.RESOLUTION, d.resolution()).set(i.MAX_PERMISSIBLE_ERROR, d.maxPermissibleError())
                .set(i.LOCATION, d.location()).set(i.CALIBRATION_INTERVAL_MONTHS, d.calibrationIntervalMonths())
                .set(i.STATUS, d.statusOrDefault().name())
                .returningResult(i.ID).fetchSingle(i.ID);
    }

    /** Updates the instrument if it is still at {@code version}; false when someone changed it first. */
    boolean update(long id, int version, long owner, long type, InstrumentDetails d) {
        var i = INSTRUMENT;
        return dsl.update(i)
                .set(i.OWNER_ORGANIZATION_ID, owner).set(i.INSTRUMENT_TYPE_ID, type).set(i.ASSET_NO, d.assetNo())
                .set(i.MANUFACTURER, d.manufacturer()).set(i.MODEL, d.model()).set(i.SERIAL_NO, d.serialNo())
                .set(i.RANGE_LOW, d.rangeLow()).set(i.RANGE_HIGH, d.rangeHigh()).set(i.UNIT, d.unit())
                .set(i.RESOLUTION, d.resolution()).set(i.MAX_PERMISSIBLE_ERROR, d.maxPermissibleError())
                .set(i.LOCATION, d.location()).set(i.CALIBRATION_INTERVAL_MONTHS, d.calibrationIntervalMonths())
                .set(i.STATUS, d.statusOrDefault().name())
                .set(i.VERSION, i.VERSION.plus(1))
                .where(i.ID.eq(id).and(i.VERSION.eq(version)))
                .execute() == 1;
    }

    /** Whether another instrument (not {@code exceptId}) has this manufacturer, model and serial number. */
    boolean serialTaken(String manufacturer, String model, String serialNo, long exceptId) {
        var i = INSTRUMENT;
        return dsl.fetchExists(i, i.MANUFACTURER.eq(manufacturer).and(i.MODEL.eq(model))
                .and(i.SERIAL_NO.eq(serialNo)).and(i.ID.ne(exceptId)));
    }

    Optional<Instrument> find(long id) {
        return select().where(INSTRUMENT.ID.eq(id)).fetchOptional(InstrumentRepository::toInstrument);
    }

    Optional<Instrument> findForUpdate(long id) {
        dsl.select(INSTRUMENT.ID).from(INSTRUMENT).where(INSTRUMENT.ID.eq(id)).forUpdate().fetch();
        return find(id);
    }

    /**
     * A page of the instruments matching the filter, by owner code, then manufacturer, model and serial number.
     * Sorting 100,000 instruments across two tables for every page is what made the registry slow; instead the
     * matches are counted per owner (one grouped count, joining only the tables the filter names), the owners are put
     * in code order, and the page is read owner by owner along ix_instrument_owner_name, which is already in
     * manufacturer, model and serial order. The same instruments in the same order, and the total for free.
     */
    Page<Instrument> search(InstrumentFilter f, Optional<Long> ownerScope, PageRequest page) {
        Condition where = conditions(f, ownerScope);
        var i = INSTRUMENT;
        Map<Long, Integer> perOwner = new HashMap<>();
        countFrom(f).where(where).groupBy(i.OWNER_ORGANIZATION_ID)
                .fetch().forEach(r -> perOwner.put(r.value1(), r.value2()));
        long total = perOwner.values().stream().mapToLong(Integer::longValue).sum();
        List<Long> owners = perOwner.isEmpty() ? List.of()
                : dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.ID.in(perOwner.keySet()))
                        .orderBy(ORGANIZATION.CODE).fetch(ORGANIZATION.ID);
        List<Instrument> items = new ArrayList<>();
        long skip = page.offset();
        for (long owner : owners) {
            int count = perOwner.get(owner);
            if (skip >= count) {
                skip -= count;
                continue;
            }
            select().where(where).and(i.OWNER_ORGANIZATION_ID.eq(owner))
                    .orderBy(i.MANUFACTURER, i.MODEL, i.SERIAL_NO, i.ID)
                    .limit(page.size() - items.size()).offset(skip)
                    .fetch(InstrumentRepository::toInstrument).forEach(items::add);
            skip = 0;
            if (items.size() >= page.size()) {
                break;
            }
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** {@code SELECT owner, COUNT(*) FROM instrument}, joined to exactly the tables the filter's conditions name. */
    private SelectJoinStep<Record2<Long, Integer>> countFrom(InstrumentFilter f) {
        var i = INSTRUMENT;
        SelectJoinStep<Record2<Long, Integer>> q = dsl.select(i.OWNER_ORGANIZATION_ID, DSL.count()).from(i);
        if (f.region() != null || f.owner() != null) {
            q = q.join(ORGANIZATION).on(ORGANIZATION.ID.eq(i.OWNER_ORGANIZATION_ID));
        }
        if (f.region() != null) {
            q = q.join(REGION).on(REGION.ID.eq(ORGANIZATION.REGION_ID));
        }
        if (f.type() != null || f.discipline() != null) {
            q = q.join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(i.INSTRUMENT_TYPE_ID));
        }
        if (f.discipline() != null) {
            q = q.join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                    .join(DISCIPLINE).on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID));
        }
        return q;
    }

    /**
     * The instruments whose serial or asset number is {@code text} (the column collation ignores case), in the
     * scope, at most {@code limit}; ix_instrument_serial_no and ix_instrument_asset_no serve it.
     */
    List<Instrument> withSerialOrAssetNo(String text, Optional<Long> ownerScope, int limit) {
        var i = INSTRUMENT;
        Condition scope = ownerScope.map(i.OWNER_ORGANIZATION_ID::eq).orElse(noCondition());
        return select().where(i.SERIAL_NO.eq(text).or(i.ASSET_NO.eq(text))).and(scope)
                .orderBy(ORGANIZATION.CODE, i.MANUFACTURER, i.MODEL, i.SERIAL_NO)
                .limit(limit)
                .fetch(InstrumentRepository::toInstrument);
    }

    private static Condition conditions(InstrumentFilter f, Optional<Long> ownerScope) {
        var i = INSTRUMENT;
        Condition c = noCondition();
        if (ownerScope.isPresent()) {
            c = c.and(i.OWNER_ORGANIZATION_ID.eq(ownerScope.get()));
        }
        if (f.region() != null) {
            c = c.and(REGION.CODE.startsWith(f.region().subtreePrefix()));
        }
        if (f.discipline() != null) {
            c = c.and(DISCIPLINE.CODE.eq(f.discipline()));
        }
        if (f.owner() != null) {
            c = c.and(ORGANIZATION.CODE.eq(f.owner()));
        }
        if (f.type() != null) {
            c = c.and(INSTRUMENT_TYPE.CODE.eq(f.type()));
        }
        if (f.status() != null) {
            c = c.and(i.STATUS.eq(f.status().name()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip();
            c = c.and(i.MANUFACTURER.containsIgnoreCase(t).or(i.MODEL.containsIgnoreCase(t))
                    .or(i.SERIAL_NO.containsIgnoreCase(t)).or(i.ASSET_NO.containsIgnoreCase(t)));
        }
        return c;
    }

    private SelectOnConditionStep<Record> select() {
        var i = INSTRUMENT;
        return dsl.select(List.of(i.ID, i.OWNER_ORGANIZATION_ID, ORGANIZATION.CODE, INSTRUMENT_TYPE.CODE,
                        MEASUREMENT_STANDARD.CODE, i.ASSET_NO, i.MANUFACTURER, i.MODEL, i.SERIAL_NO, i.RANGE_LOW,
                        i.RANGE_HIGH, i.UNIT, i.RESOLUTION, i.MAX_PERMISSIBLE_ERROR, i.LOCATION,
                        i.CALIBRATION_INTERVAL_MONTHS, INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, i.STATUS, i.VERSION))
                .from(i)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(i.OWNER_ORGANIZATION_ID))
                .join(REGION).on(REGION.ID.eq(ORGANIZATION.REGION_ID))
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(i.INSTRUMENT_TYPE_ID))
                .join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID))
                .leftJoin(MEASUREMENT_STANDARD).on(MEASUREMENT_STANDARD.ID.eq(i.MEASUREMENT_STANDARD_ID));
    }

    private static Instrument toInstrument(Record r) {
        var i = INSTRUMENT;
        return new Instrument(r.get(i.ID), r.get(i.OWNER_ORGANIZATION_ID), r.get(ORGANIZATION.CODE),
                r.get(INSTRUMENT_TYPE.CODE), r.get(MEASUREMENT_STANDARD.CODE), r.get(i.ASSET_NO),
                r.get(i.MANUFACTURER), r.get(i.MODEL), r.get(i.SERIAL_NO), plain(r.get(i.RANGE_LOW)),
                plain(r.get(i.RANGE_HIGH)), r.get(i.UNIT), plain(r.get(i.RESOLUTION)),
                plain(r.get(i.MAX_PERMISSIBLE_ERROR)), r.get(i.LOCATION), r.get(i.CALIBRATION_INTERVAL_MONTHS),
                r.get(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS), InstrumentStatus.valueOf(r.get(i.STATUS)),
                r.get(i.VERSION));
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
