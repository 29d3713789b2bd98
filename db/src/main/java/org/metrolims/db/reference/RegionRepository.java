package org.metrolims.db.reference;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.noCondition;
import static org.metrolims.db.jooq.Tables.REGION;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.SelectOnConditionStep;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** GB/T 2260 regions, read-only here (they change by migration or by an administrator's import). */
@Repository
class RegionRepository {

    private static final org.metrolims.db.jooq.tables.Region PARENT = REGION.as("parent");

    private final DSLContext dsl;

    public RegionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Regions in code order, optionally of one level and/or inside one region (itself included). */
    public Page<Region> find(Optional<RegionLevel> level, Optional<RegionCode> within, PageRequest page) {
        Condition where = level.map(l -> REGION.LEVEL.eq(l.name())).orElse(noCondition())
                .and(within.map(w -> REGION.CODE.startsWith(w.subtreePrefix())).orElse(noCondition()));
        var items = select().where(where).orderBy(REGION.CODE)
                .limit(page.size()).offset(page.offset())
                .fetch(mapping(Region::new));
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(REGION, where));
    }

    public Optional<Region> findByCode(RegionCode code) {
        return select().where(REGION.CODE.eq(code.value())).fetchOptional(mapping(Region::new));
    }

    private SelectOnConditionStep<Record6<Long, String, String, String, RegionLevel, String>> select() {
        return dsl.select(REGION.ID, REGION.CODE, REGION.NAME_ZH, REGION.NAME_EN,
                        REGION.LEVEL.convertFrom(RegionLevel::valueOf), PARENT.CODE)
                .from(REGION)
                .leftJoin(PARENT).on(PARENT.ID.eq(REGION.PARENT_ID));
    }
}
