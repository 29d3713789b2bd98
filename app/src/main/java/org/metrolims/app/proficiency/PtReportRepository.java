package org.metrolims.app.proficiency;

import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What the PT report needs beyond the proficiency services: the provider's names. */
@Repository
class PtReportRepository {

    /** An organization's names in both languages. */
    record Names(String zh, String en) {
    }

    private final DSLContext dsl;

    PtReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Names> organizationNames(String code) {
        return dsl.select(ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN).from(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(code)).fetchOptional(r -> new Names(r.value1(), r.value2()));
    }
}
