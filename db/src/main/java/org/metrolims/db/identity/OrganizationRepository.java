package org.metrolims.db.identity;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.REGION;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.reference.RegionCode;
import org.springframework.stereotype.Repository;

/**
 * The organizations (organization) and their accreditation scopes (organization_scope): the register the
 * administrators keep and the pages of organizations by kind and region, in one query per page.
 */
@Repository
class OrganizationRepository {

    private static final org.metrolims.db.jooq.tables.Organization PARENT = ORGANIZATION.as("parent");

    /** The scope's discipline codes in code order, as the register lists them. */
    private static final Field<Result<Record1<String>>> SCOPE_BY_CODE = multiset(
            select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                    .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                    .where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                    .orderBy(DISCIPLINE.CODE)).as("scope");

    private static final Field<Result<Record1<String>>> SCOPE = multiset(
            select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                    .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                    .where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                    .orderBy(DISCIPLINE.SORT_ORDER)).as("scope");

    private final DSLContext dsl;

    OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Organizations in code order, optionally of one kind and/or inside one region's subtree. */
    Page<Organization> find(Optional<OrganizationKind> kind, Optional<RegionCode> within, PageRequest page) {
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

    List<OrganizationRow> search(String text, String kind, int limit) {
        Condition c = DSL.trueCondition();
        if (!text.isBlank()) {
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(ORGANIZATION.CODE.like(like).or(ORGANIZATION.NAME_ZH.like(like))
                    .or(ORGANIZATION.NAME_EN.like(like)).or(ORGANIZATION.ACCREDITATION_NUMBER.like(like)));
        }
        if (!kind.isBlank()) {
            c = c.and(ORGANIZATION.KIND.eq(kind));
        }
        return rows().where(c).orderBy(ORGANIZATION.CODE).limit(limit).fetch(this::row);
    }

    Optional<OrganizationRow> find(long id) {
        return rows().where(ORGANIZATION.ID.eq(id)).fetchOptional(this::row);
    }

    Optional<Long> idOfCode(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code))
                .fetchOptional(ORGANIZATION.ID);
    }

    Optional<Long> regionIdOfCode(String code) {
        return dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq(code)).fetchOptional(REGION.ID);
    }

    boolean accreditationTakenByAnother(String number, long exceptId) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.ACCREDITATION_NUMBER.eq(number)
                .and(ORGANIZATION.ID.ne(exceptId)));
    }

    /** Discipline code → id, for every discipline. */
    Map<String, Long> disciplineIds() {
        return dsl.select(DISCIPLINE.CODE, DISCIPLINE.ID).from(DISCIPLINE).fetchMap(DISCIPLINE.CODE, DISCIPLINE.ID);
    }

    List<DisciplineChoice> disciplines() {
        return dsl.select(DISCIPLINE.CODE, DISCIPLINE.NAME_ZH, DISCIPLINE.NAME_EN).from(DISCIPLINE)
                .orderBy(DISCIPLINE.SORT_ORDER).fetch(mapping(DisciplineChoice::new));
    }

    long insert(String code, OrganizationDetails d) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(values(d))
                .returningResult(ORGANIZATION.ID).fetchSingle(ORGANIZATION.ID);
    }

    void update(long id, OrganizationDetails d) {
        dsl.update(ORGANIZATION).set(values(d)).where(ORGANIZATION.ID.eq(id)).execute();
    }

    void setActive(long id, boolean active) {
        dsl.update(ORGANIZATION).set(ORGANIZATION.ACTIVE, active).where(ORGANIZATION.ID.eq(id)).execute();
    }

    void replaceScope(long id, Collection<Long> disciplineIds) {
        dsl.deleteFrom(ORGANIZATION_SCOPE).where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(id)).execute();
        if (!disciplineIds.isEmpty()) {
            var insert = dsl.insertInto(ORGANIZATION_SCOPE, ORGANIZATION_SCOPE.ORGANIZATION_ID,
                    ORGANIZATION_SCOPE.DISCIPLINE_ID);
            for (long d : disciplineIds) {
                insert = insert.values(id, d);
            }
            insert.execute();
        }
    }

    private static Map<Field<?>, Object> values(OrganizationDetails d) {
        Map<Field<?>, Object> m = new HashMap<>();
        m.put(ORGANIZATION.NAME_ZH, d.nameZh());
        m.put(ORGANIZATION.NAME_EN, d.nameEn());
        m.put(ORGANIZATION.KIND, d.kind());
        m.put(ORGANIZATION.REGION_ID, d.regionId());
        m.put(ORGANIZATION.PARENT_ID, d.parentId().orElse(null));
        m.put(ORGANIZATION.ADDRESS_ZH, d.addressZh().orElse(null));
        m.put(ORGANIZATION.ADDRESS_EN, d.addressEn().orElse(null));
        m.put(ORGANIZATION.ACCREDITATION_NUMBER, d.accreditationNumber().orElse(null));
        m.put(ORGANIZATION.ACCREDITATION_VALID_UNTIL, d.accreditationValidUntil().orElse(null));
        m.put(ORGANIZATION.CONTACT_EMAIL, d.contactEmail().orElse(null));
        return m;
    }

    private SelectOnConditionStep<? extends Record> rows() {
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN,
                        ORGANIZATION.KIND, REGION.CODE, REGION.NAME_ZH, REGION.NAME_EN, PARENT.CODE,
                        ORGANIZATION.ADDRESS_ZH, ORGANIZATION.ADDRESS_EN, ORGANIZATION.ACCREDITATION_NUMBER,
                        ORGANIZATION.ACCREDITATION_VALID_UNTIL, ORGANIZATION.ACTIVE,
                        SCOPE_BY_CODE, ORGANIZATION.CONTACT_EMAIL)
                .from(ORGANIZATION).join(REGION).on(REGION.ID.eq(ORGANIZATION.REGION_ID))
                .leftJoin(PARENT).on(PARENT.ID.eq(ORGANIZATION.PARENT_ID));
    }

    private OrganizationRow row(Record r) {
        return new OrganizationRow(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME_ZH),
                r.get(ORGANIZATION.NAME_EN), r.get(ORGANIZATION.KIND), r.get(REGION.CODE), r.get(REGION.NAME_ZH),
                r.get(REGION.NAME_EN), Optional.ofNullable(r.get(PARENT.CODE)),
                Optional.ofNullable(r.get(ORGANIZATION.ADDRESS_ZH)), Optional.ofNullable(r.get(ORGANIZATION.ADDRESS_EN)),
                Optional.ofNullable(r.get(ORGANIZATION.ACCREDITATION_NUMBER)),
                Optional.ofNullable(r.get(ORGANIZATION.ACCREDITATION_VALID_UNTIL)), r.get(ORGANIZATION.ACTIVE),
                r.get(SCOPE_BY_CODE).getValues(DISCIPLINE.CODE), Optional.ofNullable(r.get(ORGANIZATION.CONTACT_EMAIL)));
    }

    /** An organization's names in both languages, by code. */
    Optional<OrganizationNames> names(String code) {
        return dsl.select(ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(code)).fetchOptional(mapping(OrganizationNames::new));
    }

    /** The discipline codes an organization is accredited for, in the disciplines' order. */
    List<String> scopeOf(String organizationCode) {
        return dsl.select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ORGANIZATION_SCOPE.ORGANIZATION_ID))
                .where(ORGANIZATION.CODE.eq(organizationCode))
                .orderBy(DISCIPLINE.SORT_ORDER, DISCIPLINE.CODE).fetch(DISCIPLINE.CODE);
    }

    private static Organization toOrganization(Record r) {
        return new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME_ZH),
                r.get(ORGANIZATION.NAME_EN), OrganizationKind.valueOf(r.get(ORGANIZATION.KIND)), r.get(REGION.CODE),
                r.get(ORGANIZATION.ACCREDITATION_NUMBER), r.get(ORGANIZATION.ACCREDITATION_VALID_UNTIL),
                r.get(SCOPE).getValues(DISCIPLINE.CODE));
    }
}
