package org.metrolims.calibration.interval;

import static org.jooq.Records.mapping;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.INTERVAL_DECISION;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The as-found history of an instrument type, and the decisions taken on its interval. */
@Repository
class IntervalHistoryRepository {

    private final DSLContext dsl;

    IntervalHistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<TypeFacts> type(long typeId) {
        return dsl.select(INSTRUMENT_TYPE.ID, INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN,
                        INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS)
                .from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.ID.eq(typeId))
                .fetchOptional(mapping(TypeFacts::new));
    }

    /**
     * Each approved calibration of an instrument of the type that follows an earlier approved one: the
     * days since that one, and whether it was found in tolerance (results "not applicable" are left out).
     */
    List<IntervalObservation> history(long typeId) {
        return dsl.fetch("""
                SELECT days, as_found FROM (
                    SELECT DATEDIFF(c.calibrated_on, LAG(c.calibrated_on)
                               OVER (PARTITION BY c.instrument_id ORDER BY c.calibrated_on, c.id)) AS days,
                           c.as_found
                    FROM calibration c JOIN instrument i ON i.id = c.instrument_id
                    WHERE i.instrument_type_id = ? AND c.status = 'APPROVED') h
                WHERE days > 0 AND as_found IN ('IN_TOLERANCE', 'OUT_OF_TOLERANCE')
                """, typeId)
                .map(r -> new IntervalObservation(r.get(0, Integer.class), "IN_TOLERANCE".equals(r.get(1, String.class))));
    }

    void recordDecision(long typeId, String decision, int previous, int recommended, String method, String reason,
            String actor) {
        var d = INTERVAL_DECISION;
        dsl.insertInto(d).set(d.INSTRUMENT_TYPE_ID, typeId).set(d.DECISION, decision).set(d.PREVIOUS_MONTHS, previous)
                .set(d.RECOMMENDED_MONTHS, recommended).set(d.METHOD, method).set(d.REASON, reason)
                .set(d.DECIDED_BY, actor).execute();
    }

    List<IntervalDecision> decisions(long typeId) {
        var d = INTERVAL_DECISION;
        return dsl.select(d.DECISION, d.PREVIOUS_MONTHS, d.RECOMMENDED_MONTHS, d.METHOD, d.REASON, d.DECIDED_BY,
                        d.DECIDED_AT)
                .from(d).where(d.INSTRUMENT_TYPE_ID.eq(typeId)).orderBy(d.DECIDED_AT.desc(), d.ID.desc()).limit(20)
                .fetch(mapping(IntervalDecision::new));
    }

    record TypeFacts(long id, String code, String nameZh, String nameEn, int intervalMonths) {
    }
}
