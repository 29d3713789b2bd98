package org.metrolims.db.reference;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.REGION;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Field;
import org.jooq.Result;
import org.jooq.Record1;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** Organizations with their region and accreditation scope, in one query per page. */
@Repository
class OrganizationRepository {

    private static final Field<Result<Record1<String>>> SCOPE = multiset(
            select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                    .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                    .where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                    .orderBy(DISCIPLINE.SORT_ORDER)).as("scope");

    private final DSLContext dsl;

    public OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Organizations in code order, optionally of one kind and/or inside one region's subtree. */
    public Page<Organization> find(Optional<OrganizationKind> kind, Optional<RegionCode> within, PageRequest page) {
        Condition where = kind.map(k -> ORGANIZATION.KIND.eq(k.name())).orElse(noCondition())
                .and(within.map(w -> REGION.CODE.startsWith(w.subtreePrefix())).orElse(noCondition()));
        var items = dsl.select(ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN,
                        ORGANIZATION.KIND, REGION.CODE, ORGANIZATION.ACCREDITATION_NUMBER,
                        ORGANIZATION.ACCREDITATION_VALID_UNTIL, SCOPE)
                .from(ORGANIZATION)
                .join(REGION).on(REGION.ID.eq(ORGANIZATION.REGION_ID))
                .where(where)
                .orderBy(ORGANIZATION.CODE)
                .limit(page.size()).offset(page.offset())
                .fetch(OrganizationRepository::toOrganization);
        long total = dsl.fetchCount(dsl.select(ORGANIZATION.ID).from(ORGANIZATION)
                .join(REGION).on(REGION.ID.eq(ORGANIZATION.REGION_ID)).where(where));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Organization toOrganization(Record r) {
        return new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME_ZH),
                r.get(ORGANIZATION.NAME_EN), OrganizationKind.valueOf(r.get(ORGANIZATION.KIND)), r.get(REGION.CODE),
                r.get(ORGANIZATION.ACCREDITATION_NUMBER), r.get(ORGANIZATION.ACCREDITATION_VALID_UNTIL),
                r.get(SCOPE).map(Record1::value1));
    }
}
