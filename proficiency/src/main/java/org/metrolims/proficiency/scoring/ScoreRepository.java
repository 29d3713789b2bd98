package org.metrolims.proficiency.scoring;

import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_RESULT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.metrolims.db.jooq.Tables.PT_SCHEME;
import static org.metrolims.db.jooq.Tables.PT_SCORE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.statistics.Performance;
import org.springframework.stereotype.Repository;

/** The scores of scored rounds, with the round, scheme and lab they belong to. */
@Repository
class ScoreRepository {

    private final DSLContext dsl;

    public ScoreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One score row to store. */
    public record NewScore(long enrolmentId, long resultId, double z, double zPrime, Double zeta, Double en,
            Performance classification) {
    }

    public void insertAll(long roundId, List<NewScore> scores) {
        var insert = dsl.insertInto(PT_SCORE, PT_SCORE.ROUND_ID, PT_SCORE.ENROLMENT_ID, PT_SCORE.RESULT_ID, PT_SCORE.Z,
                PT_SCORE.Z_PRIME, PT_SCORE.ZETA, PT_SCORE.EN, PT_SCORE.CLASSIFICATION);
        for (NewScore s : scores) {
            insert = insert.values(roundId, s.enrolmentId(), s.resultId(), score(s.z()), score(s.zPrime()),
                    score(s.zeta()), score(s.en()), s.classification().name());
        }
        if (!scores.isEmpty()) {
            insert.execute();
        }
    }

    /** The scores of a round in lab-code order. */
    public List<LabRoundScore> ofRound(long roundId) {
        return select(PT_SCORE.ROUND_ID.eq(roundId));
    }

    /** A lab's scores across rounds, oldest submission deadline first. */
    public List<LabRoundScore> ofOrganization(long organizationId) {
        return select(PT_ENROLMENT.ORGANIZATION_ID.eq(organizationId));
    }

    private List<LabRoundScore> select(Condition where) {
        return dsl.select(PT_SCORE.fields())
                .select(PT_ROUND.CODE, PT_ROUND.STATUS, PT_SCHEME.CODE, PT_ENROLMENT.LAB_CODE, PT_ENROLMENT.ORGANIZATION_ID,
                        ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN, PT_RESULT.VALUE)
                .from(PT_SCORE)
                .join(PT_ROUND).on(PT_ROUND.ID.eq(PT_SCORE.ROUND_ID))
                .join(PT_SCHEME).on(PT_SCHEME.ID.eq(PT_ROUND.SCHEME_ID))
                .join(PT_ENROLMENT).on(PT_ENROLMENT.ID.eq(PT_SCORE.ENROLMENT_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(PT_ENROLMENT.ORGANIZATION_ID))
                .join(PT_RESULT).on(PT_RESULT.ID.eq(PT_SCORE.RESULT_ID))
                .where(where)
                .orderBy(PT_ROUND.SUBMISSION_DEADLINE, PT_ROUND.ID, PT_ENROLMENT.LAB_CODE)
                .fetch(ScoreRepository::toScore);
    }

    private static LabRoundScore toScore(Record r) {
        return new LabRoundScore(r.get(PT_SCORE.ROUND_ID), r.get(PT_ROUND.CODE),
                RoundStatus.valueOf(r.get(PT_ROUND.STATUS)), r.get(PT_SCHEME.CODE),
                r.get(PT_ENROLMENT.LAB_CODE), r.get(PT_SCORE.ENROLMENT_ID), r.get(PT_ENROLMENT.ORGANIZATION_ID),
                r.get(ORGANIZATION.CODE), r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN),
                r.get(PT_SCORE.RESULT_ID), r.get(PT_RESULT.VALUE).doubleValue(), number(r.get(PT_SCORE.Z)),
                number(r.get(PT_SCORE.Z_PRIME)), number(r.get(PT_SCORE.ZETA)), number(r.get(PT_SCORE.EN)),
                Performance.valueOf(r.get(PT_SCORE.CLASSIFICATION)));
    }

    /** DECIMAL(20, 6): six decimals are more than any score is read to. */
    private static BigDecimal score(Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static Double number(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
