package org.metrolims.proficiency.scheme;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.PT_SCHEME;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

/** PT schemes with their discipline and provider codes. */
@Repository
class SchemeRepository {

    private final DSLContext dsl;

    public SchemeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Scheme> find(long id) {
        return select().where(PT_SCHEME.ID.eq(id)).fetchOptional(SchemeRepository::toScheme);
    }

    public Optional<Scheme> findByCode(String code) {
        return select().where(PT_SCHEME.CODE.eq(code)).fetchOptional(SchemeRepository::toScheme);
    }

    public List<Scheme> findAll() {
        return select().orderBy(PT_SCHEME.CODE).fetch(SchemeRepository::toScheme);
    }

    /** The codes of all disciplines, in their display order. */
    public List<String> disciplineCodes() {
        return dsl.select(DISCIPLINE.CODE).from(DISCIPLINE).orderBy(DISCIPLINE.SORT_ORDER, DISCIPLINE.CODE)
                .fetch(DISCIPLINE.CODE);
    }

    public Optional<Long> disciplineId(String code) {
        return dsl.select(DISCIPLINE.ID).from(DISCIPLINE).where(DISCIPLINE.CODE.eq(code)).fetchOptional(DISCIPLINE.ID);
    }

    public Optional<Long> organizationId(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code))
                .fetchOptional(ORGANIZATION.ID);
    }

    public long insert(NewScheme s, long disciplineId, long providerId) {
        return dsl.insertInto(PT_SCHEME)
                .set(PT_SCHEME.CODE, s.code())
                .set(PT_SCHEME.NAME_ZH, s.nameZh())
                .set(PT_SCHEME.NAME_EN, s.nameEn())
                .set(PT_SCHEME.DISCIPLINE_ID, disciplineId)
                .set(PT_SCHEME.MEASURAND_ZH, s.measurandZh())
                .set(PT_SCHEME.MEASURAND_EN, s.measurandEn())
                .set(PT_SCHEME.UNIT, s.unit())
                .set(PT_SCHEME.PROVIDER_ORGANIZATION_ID, providerId)
                .set(PT_SCHEME.ASSIGNED_VALUE_METHOD, s.assignedValueMethod().name())
                .set(PT_SCHEME.SIGMA_PT_METHOD, s.sigmaPtMethod().name())
                .set(PT_SCHEME.SIGMA_PT, s.sigmaPt() == null ? null : BigDecimal.valueOf(s.sigmaPt()))
                .set(PT_SCHEME.SCORE_TYPE, s.scoreType().name())
                .returningResult(PT_SCHEME.ID)
                .fetchSingle(PT_SCHEME.ID);
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(PT_SCHEME.fields()).select(DISCIPLINE.CODE, ORGANIZATION.CODE)
                .from(PT_SCHEME)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(PT_SCHEME.DISCIPLINE_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(PT_SCHEME.PROVIDER_ORGANIZATION_ID));
    }

    private static Scheme toScheme(Record r) {
        BigDecimal sigma = r.get(PT_SCHEME.SIGMA_PT);
        return new Scheme(r.get(PT_SCHEME.ID), r.get(PT_SCHEME.CODE), r.get(PT_SCHEME.NAME_ZH),
                r.get(PT_SCHEME.NAME_EN), r.get(DISCIPLINE.CODE), r.get(PT_SCHEME.MEASURAND_ZH),
                r.get(PT_SCHEME.MEASURAND_EN), r.get(PT_SCHEME.UNIT), r.get(ORGANIZATION.CODE),
                AssignedValueMethod.valueOf(r.get(PT_SCHEME.ASSIGNED_VALUE_METHOD)),
                SigmaPtMethod.valueOf(r.get(PT_SCHEME.SIGMA_PT_METHOD)),
                sigma == null ? null : sigma.doubleValue(),
                SchemeScoreType.valueOf(r.get(PT_SCHEME.SCORE_TYPE)));
    }
}
