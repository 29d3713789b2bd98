package org.metrolims.proficiency.round;

import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.metrolims.db.jooq.Tables.PT_SCHEME;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** PT rounds, their status and the summary that scoring stores on them. */
@Repository
class RoundRepository {

    private final DSLContext dsl;

    public RoundRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(NewRound round, String createdBy) {
        RoundSchedule s = round.schedule();
        return dsl.insertInto(PT_ROUND)
                .set(PT_ROUND.SCHEME_ID, round.schemeId())
                .set(PT_ROUND.CODE, round.code())
                .set(PT_ROUND.STATUS, RoundStatus.DRAFT.name())
                .set(PT_ROUND.ENROLMENT_OPENS_ON, s.enrolmentOpensOn())
                .set(PT_ROUND.ENROLMENT_CLOSES_ON, s.enrolmentClosesOn())
                .set(PT_ROUND.DISPATCH_ON, s.dispatchOn())
                .set(PT_ROUND.SUBMISSION_DEADLINE, s.submissionDeadline())
                .set(PT_ROUND.REPORT_DUE_ON, s.reportDueOn())
                .set(PT_ROUND.REFERENCE_VALUE, decimal(round.referenceValue()))
                .set(PT_ROUND.REFERENCE_UNCERTAINTY, decimal(round.referenceUncertainty()))
                .set(PT_ROUND.CREATED_BY, createdBy)
                .returningResult(PT_ROUND.ID)
                .fetchSingle(PT_ROUND.ID);
    }

    public Optional<Round> find(long id) {
        return select(PT_ROUND.ID.eq(id)).stream().findFirst();
    }

    /** How many labs are ENROLLED (the enrolment feature's status name) in the round. */
    public int countEnrolled(long roundId) {
        return dsl.fetchCount(PT_ENROLMENT, PT_ENROLMENT.ROUND_ID.eq(roundId)
                .and(PT_ENROLMENT.STATUS.eq("ENROLLED")));
    }

    public boolean codeExists(String code) {
        return dsl.fetchExists(PT_ROUND, PT_ROUND.CODE.eq(code));
    }

    /** Every round, the latest first. */
    public List<Round> findAll() {
        return select(DSL.noCondition());
    }

    /** The rounds a lab sees: those it is enrolled in or applied to, and those open for enrolment. */
    public List<Round> findVisibleTo(long organizationId) {
        return select(PT_ROUND.STATUS.eq(RoundStatus.OPEN.name()).or(DSL.exists(DSL.selectOne().from(PT_ENROLMENT)
                .where(PT_ENROLMENT.ROUND_ID.eq(PT_ROUND.ID))
                .and(PT_ENROLMENT.ORGANIZATION_ID.eq(organizationId)))));
    }

    /** Moves the round from one status to another; false when it was no longer in {@code from}. */
    public boolean updateStatus(long id, RoundStatus from, RoundStatus to) {
        return dsl.update(PT_ROUND)
                .set(PT_ROUND.STATUS, to.name())
                .set(PT_ROUND.VERSION, PT_ROUND.VERSION.plus(1))
                .where(PT_ROUND.ID.eq(id)).and(PT_ROUND.STATUS.eq(from.name()))
                .execute() == 1;
    }

    /** Stores the summary and moves a CLOSED round to SCORED; false when it was no longer CLOSED. */
    public boolean storeScored(long id, Round.Summary s) {
        return dsl.update(PT_ROUND)
                .set(PT_ROUND.STATUS, RoundStatus.SCORED.name())
                .set(PT_ROUND.ASSIGNED_VALUE, decimal(s.assignedValue()))
                .set(PT_ROUND.ASSIGNED_VALUE_UNCERTAINTY, decimal(s.assignedValueUncertainty()))
                .set(PT_ROUND.SIGMA_PT, decimal(s.sigmaPt()))
                .set(PT_ROUND.ROBUST_MEAN, decimal(s.robustMean()))
                .set(PT_ROUND.ROBUST_SD, decimal(s.robustSd()))
                .set(PT_ROUND.ALGORITHM_A_ITERATIONS, s.iterations())
                .set(PT_ROUND.SCORED_AT, s.scoredAt())
                .set(PT_ROUND.SCORED_BY, s.scoredBy())
                .set(PT_ROUND.VERSION, PT_ROUND.VERSION.plus(1))
                .where(PT_ROUND.ID.eq(id)).and(PT_ROUND.STATUS.eq(RoundStatus.CLOSED.name()))
                .execute() == 1;
    }

    private List<Round> select(Condition where) {
        return dsl.select(PT_ROUND.fields()).select(PT_SCHEME.CODE)
                .from(PT_ROUND)
                .join(PT_SCHEME).on(PT_SCHEME.ID.eq(PT_ROUND.SCHEME_ID))
                .where(where)
                .orderBy(PT_ROUND.ENROLMENT_OPENS_ON.desc(), PT_ROUND.ID.desc())
                .fetch(RoundRepository::toRound);
    }

    private static Round toRound(Record r) {
        RoundSchedule schedule = new RoundSchedule(r.get(PT_ROUND.ENROLMENT_OPENS_ON),
                r.get(PT_ROUND.ENROLMENT_CLOSES_ON), r.get(PT_ROUND.DISPATCH_ON),
                r.get(PT_ROUND.SUBMISSION_DEADLINE), r.get(PT_ROUND.REPORT_DUE_ON));
        Round.Summary summary = r.get(PT_ROUND.SCORED_AT) == null ? null : new Round.Summary(
                r.get(PT_ROUND.ASSIGNED_VALUE).doubleValue(), r.get(PT_ROUND.ASSIGNED_VALUE_UNCERTAINTY).doubleValue(),
                r.get(PT_ROUND.SIGMA_PT).doubleValue(), number(r.get(PT_ROUND.ROBUST_MEAN)),
                number(r.get(PT_ROUND.ROBUST_SD)), r.get(PT_ROUND.ALGORITHM_A_ITERATIONS),
                r.get(PT_ROUND.SCORED_AT), r.get(PT_ROUND.SCORED_BY));
        return new Round(r.get(PT_ROUND.ID), r.get(PT_ROUND.SCHEME_ID), r.get(PT_SCHEME.CODE), r.get(PT_ROUND.CODE),
                RoundStatus.valueOf(r.get(PT_ROUND.STATUS)), schedule, number(r.get(PT_ROUND.REFERENCE_VALUE)),
                number(r.get(PT_ROUND.REFERENCE_UNCERTAINTY)), summary, r.get(PT_ROUND.CREATED_BY),
                r.get(PT_ROUND.VERSION));
    }

    static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    static Double number(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
