package org.metrolims.proficiency.enrolment;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Enrolments of labs in rounds, with the organization's code and names. */
@Repository
class EnrolmentRepository {

    private final DSLContext dsl;

    public EnrolmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Enrolment> find(long roundId, long organizationId) {
        return select(PT_ENROLMENT.ROUND_ID.eq(roundId).and(PT_ENROLMENT.ORGANIZATION_ID.eq(organizationId)))
                .stream().findFirst();
    }

    public Optional<Enrolment> findByLabCode(long roundId, String labCode) {
        return select(PT_ENROLMENT.ROUND_ID.eq(roundId).and(PT_ENROLMENT.LAB_CODE.eq(labCode))).stream().findFirst();
    }

    /** All enrolments of a round in lab-code order. */
    public List<Enrolment> findByRound(long roundId) {
        return select(PT_ENROLMENT.ROUND_ID.eq(roundId));
    }

    /** Locks the enrolment's row until the transaction ends (the results of one lab are written one at a time). */
    public void lock(long enrolmentId) {
        dsl.select(PT_ENROLMENT.ID).from(PT_ENROLMENT).where(PT_ENROLMENT.ID.eq(enrolmentId)).forUpdate().fetch();
    }

    public Set<String> usedLabCodes(long roundId) {
        return new HashSet<>(dsl.select(PT_ENROLMENT.LAB_CODE).from(PT_ENROLMENT)
                .where(PT_ENROLMENT.ROUND_ID.eq(roundId)).fetch(PT_ENROLMENT.LAB_CODE));
    }

    public long insert(long roundId, long organizationId, String labCode, EnrolmentStatus status, String decidedBy,
            Instant at) {
        return dsl.insertInto(PT_ENROLMENT)
                .set(PT_ENROLMENT.ROUND_ID, roundId)
                .set(PT_ENROLMENT.ORGANIZATION_ID, organizationId)
                .set(PT_ENROLMENT.LAB_CODE, labCode)
                .set(PT_ENROLMENT.STATUS, status.name())
                .set(PT_ENROLMENT.APPLIED_AT, at)
                .set(PT_ENROLMENT.DECIDED_BY, decidedBy)
                .set(PT_ENROLMENT.DECIDED_AT, decidedBy == null ? null : at)
                .returningResult(PT_ENROLMENT.ID)
                .fetchSingle(PT_ENROLMENT.ID);
    }

    /** Records an officer's decision on an application; false when it was no longer {@code from}. */
    public boolean decide(long enrolmentId, EnrolmentStatus from, EnrolmentStatus to, String decidedBy, Instant at) {
        return dsl.update(PT_ENROLMENT)
                .set(PT_ENROLMENT.STATUS, to.name())
                .set(PT_ENROLMENT.DECIDED_BY, decidedBy)
                .set(PT_ENROLMENT.DECIDED_AT, at)
                .where(PT_ENROLMENT.ID.eq(enrolmentId)).and(PT_ENROLMENT.STATUS.eq(from.name()))
                .execute() == 1;
    }

    /** An organization with its accreditation scope, by code. */
    public Optional<Candidate> candidate(String organizationCode) {
        return candidate(ORGANIZATION.CODE.eq(organizationCode));
    }

    public Optional<Candidate> candidate(long organizationId) {
        return candidate(ORGANIZATION.ID.eq(organizationId));
    }

    /** Active organizations whose accreditation scope holds the discipline, in code order. */
    public List<EligibleLab> inScope(String disciplineCode) {
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN,
                        ORGANIZATION.ACCREDITATION_VALID_UNTIL)
                .from(ORGANIZATION)
                .join(ORGANIZATION_SCOPE).on(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(ORGANIZATION.ID))
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                .where(DISCIPLINE.CODE.eq(disciplineCode)).and(ORGANIZATION.ACTIVE.isTrue())
                .orderBy(ORGANIZATION.CODE)
                .fetch(Records.mapping(EligibleLab::new));
    }

    private Optional<Candidate> candidate(Condition which) {
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.ACCREDITATION_VALID_UNTIL,
                        DSL.multiset(DSL.select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                                .where(ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(ORGANIZATION.ID)))
                                .convertFrom(r -> Set.copyOf(r.getValues(DISCIPLINE.CODE))))
                .from(ORGANIZATION)
                .where(which)
                .fetchOptional(Records.mapping(Candidate::new));
    }

    private List<Enrolment> select(Condition where) {
        return dsl.select(PT_ENROLMENT.fields()).select(ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN)
                .from(PT_ENROLMENT)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(PT_ENROLMENT.ORGANIZATION_ID))
                .where(where)
                .orderBy(PT_ENROLMENT.LAB_CODE)
                .fetch(EnrolmentRepository::toEnrolment);
    }

    private static Enrolment toEnrolment(Record r) {
        return new Enrolment(r.get(PT_ENROLMENT.ID), r.get(PT_ENROLMENT.ROUND_ID), r.get(PT_ENROLMENT.ORGANIZATION_ID),
                r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN),
                r.get(PT_ENROLMENT.LAB_CODE), EnrolmentStatus.valueOf(r.get(PT_ENROLMENT.STATUS)),
                r.get(PT_ENROLMENT.APPLIED_AT), r.get(PT_ENROLMENT.DECIDED_BY),
                r.get(PT_ENROLMENT.DECIDED_AT));
    }
}
