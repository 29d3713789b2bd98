package org.metrolims.calibration.coverage;

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
public class CoverageRepository {

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
                .fetch(x -> new CoverageStandard(x.value1(), x.value2(), x.value3(), regions.get(x.value4()),
                        x.value5(), disciplines.get(x.value6()), d(x.value7()), d(x.value8()), x.value9(),
                        d(x.value10())));
    }

    /** Every demand, read as lean as the public standards. */
    public List<CapabilityDemand> demands() {
        var d = CAPABILITY_DEMAND;
        Map<Long, String> regions = codes(REGION.ID, REGION.CODE);
        Map<Long, String[]> quantities = new java.util.HashMap<>();
        dsl.select(QUANTITY.ID, QUANTITY.CODE, DISCIPLINE.CODE).from(QUANTITY)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID))
                .forEach(x -> quantities.put(x.value1(), new String[] {x.value2(), x.value3()}));
        return dsl.select(d.ID, d.REGION_ID, d.QUANTITY_ID, d.RANGE_LOW, d.RANGE_HIGH, d.UNIT, d.NEEDED_UNCERTAINTY,
                        d.DEMANDED_FROM, d.DEMANDED_UNTIL)
                .from(d)
                .orderBy(d.ID)
                .fetch(x -> {
                    String[] q = quantities.get(x.value3());
                    return new CapabilityDemand(x.value1(), regions.get(x.value2()), x.value3(), q[0], q[1],
                            x.value4().doubleValue(), x.value5().doubleValue(), x.value6(), x.value7().doubleValue(),
                            x.value8(), Optional.ofNullable(x.value9()));
                });
    }

    private Map<Long, String> codes(org.jooq.TableField<?, Long> id, org.jooq.TableField<?, String> code) {
        Map<Long, String> out = new java.util.HashMap<>();
        dsl.select(id, code).from(id.getTable()).forEach(x -> out.put(x.value1(), x.value2()));
        return out;
    }

    /** Region code → (id, name_zh, name_en, level). */
    public record RegionRow(long id, String code, String nameZh, String nameEn, String level,
            Optional<String> parentCode) {
    }

    public List<RegionRow> regions() {
        var parent = REGION.as("parent");
        return dsl.select(REGION.ID, REGION.CODE, REGION.NAME_ZH, REGION.NAME_EN, REGION.LEVEL, parent.CODE)
                .from(REGION).leftJoin(parent).on(parent.ID.eq(REGION.PARENT_ID))
                .orderBy(REGION.CODE)
                .fetch(x -> new RegionRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(),
                        Optional.ofNullable(x.value6())));
    }

    /** Quantity code → (id, SI unit). */
    public record QuantityRow(long id, String code, String siUnit) {
    }

    public Map<String, QuantityRow> quantities() {
        return dsl.select(QUANTITY.ID, QUANTITY.CODE, QUANTITY.SI_UNIT).from(QUANTITY)
                .fetch(x -> new QuantityRow(x.value1(), x.value2(), x.value3())).stream()
                .collect(Collectors.toMap(QuantityRow::code, q -> q));
    }

    public List<String> disciplineCodes() {
        return dsl.select(DISCIPLINE.CODE).from(DISCIPLINE).orderBy(DISCIPLINE.SORT_ORDER).fetch(x -> x.value1());
    }

    /** A new demand row, ready to insert. */
    public record NewDemand(long regionId, long quantityId, BigDecimal rangeLow, BigDecimal rangeHigh, String unit,
            BigDecimal neededUncertainty, LocalDate demandedFrom, Optional<LocalDate> demandedUntil,
            Optional<String> note) {
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
        return insert.returningResult(d.ID).fetch(x -> x.value1());
    }

    private static Optional<Double> d(BigDecimal v) {
        return v == null ? Optional.empty() : Optional.of(v.doubleValue());
    }
}
