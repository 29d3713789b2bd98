package org.metrolims.calibration.traceability.scheme;

import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.STANDARD_SCHEME_CLAIM;
import static org.metrolims.db.jooq.Tables.VERIFICATION_SCHEME;
import static org.metrolims.db.jooq.Tables.VERIFICATION_SCHEME_LEVEL;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.metrolims.calibration.traceability.scheme.SchemeLevel.BandKind;
import org.springframework.stereotype.Repository;

/** The verification schemes with their levels (two statements), the standards as the check needs them, and claims. */
@Repository
class VerificationSchemeRepository {

    private final DSLContext dsl;

    public VerificationSchemeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every scheme with its levels, by code. */
    public List<VerificationScheme> schemes() {
        var l = VERIFICATION_SCHEME_LEVEL;
        Map<Long, List<SchemeLevel>> levels = new HashMap<>();
        dsl.select(l.SCHEME_ID, l.ID, l.TIER, l.CODE, l.NAME_ZH, l.NAME_EN, l.BAND_KIND, l.U_LOW, l.U_HIGH, l.UNIT,
                        l.ACCURACY_CLASS, l.U_LOW_PER_LENGTH, l.U_HIGH_PER_LENGTH, l.LENGTH_UNIT)
                .from(l).orderBy(l.SCHEME_ID, l.TIER)
                .forEach(x -> levels.computeIfAbsent(x.get(l.SCHEME_ID),
                        k -> new ArrayList<>()).add(new SchemeLevel(x.get(l.ID), x.get(l.TIER), x.get(l.CODE),
                        x.get(l.NAME_ZH), x.get(l.NAME_EN), BandKind.valueOf(x.get(l.BAND_KIND)),
                        x.get(l.U_LOW).doubleValue(), x.get(l.U_HIGH).doubleValue(), Optional.ofNullable(x.get(l.UNIT)),
                        Optional.ofNullable(x.get(l.ACCURACY_CLASS)), x.get(l.U_LOW_PER_LENGTH).doubleValue(),
                        x.get(l.U_HIGH_PER_LENGTH).doubleValue(), Optional.ofNullable(x.get(l.LENGTH_UNIT)))));
        var s = VERIFICATION_SCHEME;
        return dsl.select(s.ID, s.CODE, s.NAME_ZH, s.NAME_EN, s.QUANTITY_CODE).from(s).orderBy(s.CODE)
                .fetch(x -> new VerificationScheme(x.get(s.ID), x.get(s.CODE), x.get(s.NAME_ZH), x.get(s.NAME_EN),
                        x.get(s.QUANTITY_CODE), levels.getOrDefault(x.get(s.ID), List.of())));
    }

    /** Every standard of the province. */
    public List<SchemeStandard> standards() {
        return standards(DSL.trueCondition());
    }

    /** The standards with these ids. */
    public List<SchemeStandard> standards(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : standards(MEASUREMENT_STANDARD.ID.in(ids));
    }

    private List<SchemeStandard> standards(Condition where) {
        var m = MEASUREMENT_STANDARD;
        var c = STANDARD_SCHEME_CLAIM;
        return dsl.select(m.ID, m.CODE, QUANTITY.CODE, m.UNIT, m.EXPANDED_UNCERTAINTY, m.RANGE_HIGH, m.ACCURACY_CLASS,
                        c.LEVEL_ID, m.LEVEL, m.OWNER_ORGANIZATION_ID)
                .from(m).join(QUANTITY).on(QUANTITY.ID.eq(m.QUANTITY_ID))
                .leftJoin(c).on(c.STANDARD_ID.eq(m.ID)).and(c.ENDED_AT.isNull())
                .where(where)
                .orderBy(m.ID)
                .fetch(x -> new SchemeStandard(new SchemeSubject(x.get(m.ID), x.get(m.CODE), x.get(QUANTITY.CODE),
                        x.get(m.UNIT), optional(x.get(m.EXPANDED_UNCERTAINTY)), optional(x.get(m.RANGE_HIGH)),
                        Optional.ofNullable(x.get(m.ACCURACY_CLASS)), Optional.ofNullable(x.get(c.LEVEL_ID))),
                        x.get(m.LEVEL), x.get(m.OWNER_ORGANIZATION_ID)));
    }

    /** The id of a scheme's level, by scheme and level code. */
    public Optional<Long> levelId(String schemeCode, String levelCode) {
        var l = VERIFICATION_SCHEME_LEVEL;
        var s = VERIFICATION_SCHEME;
        return dsl.select(l.ID).from(l).join(s).on(s.ID.eq(l.SCHEME_ID))
                .where(s.CODE.eq(schemeCode)).and(l.CODE.eq(levelCode))
                .fetchOptional(l.ID);
    }

    /** Records claims in one batch; a standard has at most one. */
    public void insertClaims(List<NewClaim> claims, String by) {
        if (claims.isEmpty()) {
            return;
        }
        var c = STANDARD_SCHEME_CLAIM;
        var insert = dsl.insertInto(c, c.STANDARD_ID, c.LEVEL_ID, c.SOURCE, c.CREATED_BY);
        for (NewClaim n : claims) {
            insert = insert.values(n.standardId(), n.levelId(), n.source(), by);
        }
        insert.execute();
    }

    /** Locks the standard's row until the transaction ends, so that claims on one standard change one at a time. */
    public boolean lockStandard(long standardId) {
        var m = MEASUREMENT_STANDARD;
        return dsl.select(m.ID).from(m).where(m.ID.eq(standardId)).forUpdate().fetchOptional().isPresent();
    }

    /** Every claim of the standard, the oldest first. */
    public List<SchemeClaim> claims(long standardId) {
        var c = STANDARD_SCHEME_CLAIM;
        var l = VERIFICATION_SCHEME_LEVEL;
        var s = VERIFICATION_SCHEME;
        return dsl.select(c.ID, c.STANDARD_ID, c.LEVEL_ID, s.CODE, l.CODE, l.NAME_ZH, l.NAME_EN, l.TIER, c.SOURCE,
                        c.REASON, c.CREATED_BY, c.CREATED_AT, c.ENDED_AT, c.ENDED_BY, c.END_KIND, c.END_REASON)
                .from(c).join(l).on(l.ID.eq(c.LEVEL_ID)).join(s).on(s.ID.eq(l.SCHEME_ID))
                .where(c.STANDARD_ID.eq(standardId))
                .orderBy(c.CREATED_AT, c.ID)
                .fetch(x -> new SchemeClaim(x.get(c.ID), x.get(c.STANDARD_ID), x.get(c.LEVEL_ID), x.get(s.CODE),
                        x.get(l.CODE), x.get(l.NAME_ZH), x.get(l.NAME_EN), x.get(l.TIER),
                        Optional.ofNullable(x.get(c.SOURCE)), Optional.ofNullable(x.get(c.REASON)), x.get(c.CREATED_BY),
                        x.get(c.CREATED_AT), Optional.ofNullable(x.get(c.ENDED_AT)),
                        Optional.ofNullable(x.get(c.ENDED_BY)), Optional.ofNullable(x.get(c.END_KIND)),
                        Optional.ofNullable(x.get(c.END_REASON))));
    }

    /** Ends the claim in force on the standard (if any): {@code kind} is SUPERSEDED or WITHDRAWN. */
    public int endCurrentClaim(long standardId, LocalDateTime at, String by, String kind, String reason) {
        var c = STANDARD_SCHEME_CLAIM;
        return dsl.update(c).set(c.ENDED_AT, at).set(c.ENDED_BY, by).set(c.END_KIND, kind).set(c.END_REASON, reason)
                .where(c.STANDARD_ID.eq(standardId)).and(c.ENDED_AT.isNull())
                .execute();
    }

    /** Records a claim in force from {@code at}; the standard must have none in force. */
    public long insertClaim(long standardId, long levelId, String reason, String by, LocalDateTime at) {
        var c = STANDARD_SCHEME_CLAIM;
        return dsl.insertInto(c, c.STANDARD_ID, c.LEVEL_ID, c.REASON, c.CREATED_BY, c.CREATED_AT)
                .values(standardId, levelId, reason, by, at)
                .returningResult(c.ID).fetchSingle(c.ID);
    }

    private static OptionalDouble optional(BigDecimal value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }
}
