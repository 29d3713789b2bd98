package org.metrolims.calibration.coverage;

import static org.jooq.Records.mapping;
import static org.metrolims.db.jooq.Tables.CAPABILITY_DEMAND;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.metrolims.calibration.standard.StandardLevel;
import org.springframework.stereotype.Repository;

/** Public standards and demand, each in one statement; demand rows written in one batch. */
@Repository
class CoverageRepository {

    private final DSLContext dsl;

    public CoverageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every public standard (provincial, city, county level), whatever its status. Region and discipline codes come
     * from the small reference tables read apart instead of two joins per row: this read is a good part of a
     * dashboard's time.
     */
    public List<CoverageStandard> publicStandards() {
        var s = MEASUREMENT_STANDARD;
        Map<Long, String> regions = codes(REGION.ID, REGION.CODE);
        Map<Long, String> disciplines = codes(DISCIPLINE.ID, DISCIPLINE.CODE);
        return dsl.select(s.ID, s.CODE, s.LEVEL, s.REGION_ID, s.QUANTITY_ID, s.DISCIPLINE_ID,
                        s.RANGE_LOW, s.RANGE_HIGH, s.UNIT, s.EXPANDED_UNCERTAINTY)
                .from(s)
                .where(s.LEVEL.in(StandardLevel.PUBLIC.stream().map(Enum::name).toList()))
                .orderBy(s.ID)
                .fetch(x -> new CoverageStandard(x.get(s.ID), x.get(s.CODE), x.get(s.LEVEL),
                        regions.get(x.get(s.REGION_ID)), x.get(s.QUANTITY_ID), disciplines.get(x.get(s.DISCIPLINE_ID)),
                        d(x.get(s.RANGE_LOW)), d(x.get(s.RANGE_HIGH)), x.get(s.UNIT),
                        d(x.get(s.EXPANDED_UNCERTAINTY))));
    }

    /** Every demand, read as lean as the public standards. */
    public List<CapabilityDemand> demands() {
        var d = CAPABILITY_DEMAND;
        Map<Long, String> regions = codes(REGION.ID, REGION.CODE);
        Map<Long, String[]> quantities = new java.util.HashMap<>();
        dsl.select(QUANTITY.ID, QUANTITY.CODE, DISCIPLINE.CODE).from(QUANTITY)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID))
                .forEach(x -> quantities.put(x.get(QUANTITY.ID), new String[] {x.get(QUANTITY.CODE),
                        x.get(DISCIPLINE.CODE)}));
        return dsl.select(d.ID, d.REGION_ID, d.QUANTITY_ID, d.RANGE_LOW, d.RANGE_HIGH, d.UNIT, d.NEEDED_UNCERTAINTY,
                        d.DEMANDED_FROM, d.DEMANDED_UNTIL)
                .from(d)
                .orderBy(d.ID)
                .fetch(x -> {
                    String[] q = quantities.get(x.get(d.QUANTITY_ID));
                    return new CapabilityDemand(x.get(d.ID), regions.get(x.get(d.REGION_ID)), x.get(d.QUANTITY_ID),
                            q[0], q[1], x.get(d.RANGE_LOW).doubleValue(), x.get(d.RANGE_HIGH).doubleValue(),
                            x.get(d.UNIT), x.get(d.NEEDED_UNCERTAINTY).doubleValue(), x.get(d.DEMANDED_FROM),
                            Optional.ofNullable(x.get(d.DEMANDED_UNTIL)));
                });
    }

    private Map<Long, String> codes(org.jooq.TableField<?, Long> id, org.jooq.TableField<?, String> code) {
        Map<Long, String> out = new java.util.HashMap<>();
        dsl.select(id, code).from(id.getTable()).forEach(x -> out.put(x.get(id), x.get(code)));
        return out;
    }

    public List<RegionRow> regions() {
        var parent = REGION.as("parent");
        return dsl.select(REGION.ID, REGION.CODE, REGION.NAME_ZH, REGION.NAME_EN, REGION.LEVEL, parent.CODE)
                .from(REGION).leftJoin(parent).on(parent.ID.eq(REGION.PARENT_ID))
                .orderBy(REGION.CODE)
                .fetch(x -> new RegionRow(x.get(REGION.ID), x.get(REGION.CODE), x.get(REGION.NAME_ZH),
                        x.get(REGION.NAME_EN), x.get(REGION.LEVEL), Optional.ofNullable(x.get(parent.CODE))));
    }

    /** Quantity code → (id, SI unit). */
    public record QuantityRow(long id, String code, String siUnit) {
    }

    public Map<String, QuantityRow> quantities() {
        return dsl.select(QUANTITY.ID, QUANTITY.CODE, QUANTITY.SI_UNIT).from(QUANTITY)
                .fetch(mapping(QuantityRow::new)).stream()
                .collect(Collectors.toMap(QuantityRow::code, q -> q));
    }

    public List<String> disciplineCodes() {
        return dsl.select(DISCIPLINE.CODE).from(DISCIPLINE).orderBy(DISCIPLINE.SORT_ORDER).fetch(DISCIPLINE.CODE);
    }

    /** Inserts the rows in one statement; returns the ids given, in order. */
    public List<Long> insert(List<NewDemand> rows, String actor) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var d = CAPABILITY_DEMAND;
        var insert = dsl.insertInto(d, d.REGION_ID, d.QUANTITY_ID, d.RANGE_LOW, d.RANGE_HIGH, d.UNIT,
                d.NEEDED_UNCERTAINTY, d.DEMANDED_FROM, d.DEMANDED_UNTIL, d.NOTE, d.CREATED_BY);
        for (NewDemand r : rows) {
            insert = insert.values(r.regionId(), r.quantityId(), r.rangeLow(), r.rangeHigh(), r.unit(),
                    r.neededUncertainty(), r.demandedFrom(), r.demandedUntil().orElse(null), r.note().orElse(null),
                    actor);
        }
        return insert.returningResult(d.ID).fetch(d.ID);
    }

    private static Optional<Double> d(BigDecimal v) {
        return v == null ? Optional.empty() : Optional.of(v.doubleValue());
    }
}
