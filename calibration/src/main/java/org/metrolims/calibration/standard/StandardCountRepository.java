package org.metrolims.calibration.standard;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.metrolims.db.reference.RegionCode;
import org.springframework.stereotype.Repository;

/** Counts standards as of any date from the status and assessment-certificate history. */
@Repository
class StandardCountRepository {

    private final DSLContext dsl;

    StandardCountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    StandardCount countOn(LocalDate asOf, RegionCode region) {
        return countOn(asOf, region, java.util.Optional.empty());
    }

    /** The same count restricted to one metrology discipline (by its code) when given. */
    StandardCount countOn(LocalDate asOf, RegionCode region, java.util.Optional<String> disciplineCode) {
        var s = MEASUREMENT_STANDARD;
        var h = MEASUREMENT_STANDARD_STATUS;
        var c = STANDARD_ASSESSMENT_CERTIFICATE;
        // status on the date = the latest history row in force on that date
        var statusOnDate = field(select(h.STATUS).from(h)
                .where(h.STANDARD_ID.eq(s.ID).and(h.EFFECTIVE_FROM.le(asOf)))
                .orderBy(h.EFFECTIVE_FROM.desc(), h.ID.desc())
                .limit(1));
        Condition counts = statusOnDate.eq("ACTIVE")
                .and(exists(selectOne().from(c)
                        .where(c.STANDARD_ID.eq(s.ID).and(c.ISSUED_ON.le(asOf)).and(c.EXPIRES_ON.ge(asOf)))));
        var publicLevels = StandardLevel.PUBLIC.stream().map(Enum::name).toList();
        var all = count();
        var provincial = count().filterWhere(s.LEVEL.eq(StandardLevel.PROVINCIAL_PUBLIC.name()));
        var row = dsl.select(all, provincial)
                .from(s)
                .join(REGION).on(REGION.ID.eq(s.REGION_ID))
                .where(s.LEVEL.in(publicLevels))
                .and(REGION.CODE.startsWith(region.subtreePrefix()))
                .and(counts)
                .and(disciplineCode.map(d -> s.DISCIPLINE_ID.in(select(DISCIPLINE.ID).from(DISCIPLINE)
                        .where(DISCIPLINE.CODE.eq(d)))).orElse(org.jooq.impl.DSL.noCondition()))
                .fetchSingle();
        return new StandardCount(asOf, region.value(), row.get(all), row.get(provincial));
    }
}
