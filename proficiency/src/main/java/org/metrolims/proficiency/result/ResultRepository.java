package org.metrolims.proficiency.result;

import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_RESULT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.metrolims.db.jooq.tables.PtResult;
import org.springframework.stereotype.Repository;

/** Result revisions. Insert only: nothing here updates or deletes a result. */
@Repository
class ResultRepository {

    private final DSLContext dsl;

    public ResultRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the next revision of the enrolment's result and returns its id. */
    public long insertNextRevision(long enrolmentId, ResultSubmission s, String submittedBy, Instant at, boolean late,
            String acceptedBy) {
        var latest = DSL.coalesce(DSL.max(PT_RESULT.REVISION), 0);
        int revision = dsl.select(latest).from(PT_RESULT)
                .where(PT_RESULT.ENROLMENT_ID.eq(enrolmentId)).fetchSingle(latest) + 1;
        return dsl.insertInto(PT_RESULT)
                .set(PT_RESULT.ENROLMENT_ID, enrolmentId)
                .set(PT_RESULT.REVISION, revision)
                .set(PT_RESULT.VALUE, BigDecimal.valueOf(s.value()))
                .set(PT_RESULT.STANDARD_UNCERTAINTY, decimal(s.standardUncertainty()))
                .set(PT_RESULT.EXPANDED_UNCERTAINTY, decimal(s.expandedUncertainty()))
                .set(PT_RESULT.COVERAGE_FACTOR, decimal(s.coverageFactor()))
                .set(PT_RESULT.METHOD, s.method())
                .set(PT_RESULT.REMARKS, s.remarks())
                .set(PT_RESULT.SUBMITTED_BY, submittedBy)
                .set(PT_RESULT.SUBMITTED_AT, at)
                .set(PT_RESULT.LATE, late)
                .set(PT_RESULT.ACCEPTED_BY, acceptedBy)
                .returningResult(PT_RESULT.ID)
                .fetchSingle(PT_RESULT.ID);
    }

    /** Every revision of one enrolment's result, oldest first. */
    public List<SubmittedResult> revisions(long enrolmentId) {
        return select(PT_RESULT.ENROLMENT_ID.eq(enrolmentId));
    }

    public SubmittedResult get(long resultId) {
        return select(PT_RESULT.ID.eq(resultId)).getFirst();
    }

    /** The latest revision of each ENROLLED lab of the round that has a result, in lab-code order. */
    public List<SubmittedResult> latestOfRound(long roundId) {
        PtResult newer = PT_RESULT.as("newer");
        return select(PT_ENROLMENT.ROUND_ID.eq(roundId)
                .and(PT_ENROLMENT.STATUS.eq("ENROLLED"))
                .andNotExists(DSL.selectOne().from(newer)
                        .where(newer.ENROLMENT_ID.eq(PT_RESULT.ENROLMENT_ID))
                        .and(newer.REVISION.gt(PT_RESULT.REVISION))));
    }

    private List<SubmittedResult> select(Condition where) {
        return dsl.select(PT_RESULT.fields()).select(PT_ENROLMENT.LAB_CODE)
                .from(PT_RESULT)
                .join(PT_ENROLMENT).on(PT_ENROLMENT.ID.eq(PT_RESULT.ENROLMENT_ID))
                .where(where)
                .orderBy(PT_ENROLMENT.LAB_CODE, PT_RESULT.REVISION)
                .fetch(ResultRepository::toResult);
    }

    private static SubmittedResult toResult(Record r) {
        return new SubmittedResult(r.get(PT_RESULT.ID), r.get(PT_RESULT.ENROLMENT_ID), r.get(PT_ENROLMENT.LAB_CODE),
                r.get(PT_RESULT.REVISION), r.get(PT_RESULT.VALUE).doubleValue(),
                number(r.get(PT_RESULT.STANDARD_UNCERTAINTY)), number(r.get(PT_RESULT.EXPANDED_UNCERTAINTY)),
                number(r.get(PT_RESULT.COVERAGE_FACTOR)), r.get(PT_RESULT.METHOD), r.get(PT_RESULT.REMARKS),
                r.get(PT_RESULT.SUBMITTED_BY), r.get(PT_RESULT.SUBMITTED_AT),
                r.get(PT_RESULT.LATE), r.get(PT_RESULT.ACCEPTED_BY));
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    private static Double number(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
