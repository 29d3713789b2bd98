package org.metrolims.db.reference;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** The metrology disciplines with their quantities, in one query. */
@Repository
class DisciplineRepository {

    private final DSLContext dsl;

    public DisciplineRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<Discipline> find(PageRequest page) {
        var items = dsl.select(DISCIPLINE.ID, DISCIPLINE.CODE, DISCIPLINE.NAME_ZH, DISCIPLINE.NAME_EN,
                        multiset(select(QUANTITY.ID, QUANTITY.CODE, QUANTITY.NAME_ZH, QUANTITY.NAME_EN, QUANTITY.SI_UNIT)
                                .from(QUANTITY)
                                .where(QUANTITY.DISCIPLINE_ID.eq(DISCIPLINE.ID))
                                .orderBy(QUANTITY.CODE))
                                .convertFrom(r -> r.map(Records.mapping(Discipline.Quantity::new))))
                .from(DISCIPLINE)
                .orderBy(DISCIPLINE.SORT_ORDER, DISCIPLINE.CODE)
                .limit(page.size()).offset(page.offset())
                .fetch(Records.mapping(Discipline::new));
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(DISCIPLINE));
    }
}
