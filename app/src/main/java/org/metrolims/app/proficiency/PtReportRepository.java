package org.metrolims.app.proficiency;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * What the PT documents need beyond the proficiency services (the provider's names), and what the PT demo needs to
 * pick its participants (a user's organization and its accreditation scope).
 */
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

    /** The code of the organization a user belongs to. */
    Optional<String> organizationOfUser(String username) {
        return dsl.select(ORGANIZATION.CODE).from(APP_USER).join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(APP_USER.ORGANIZATION_ID)).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(ORGANIZATION.CODE);
    }

    /** The discipline codes an organization is accredited for, in the disciplines' order. */
    List<String> scopeOf(String organizationCode) {
        return dsl.select(DISCIPLINE.CODE).from(ORGANIZATION_SCOPE)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(ORGANIZATION_SCOPE.DISCIPLINE_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(ORGANIZATION_SCOPE.ORGANIZATION_ID))
                .where(ORGANIZATION.CODE.eq(organizationCode))
                .orderBy(DISCIPLINE.SORT_ORDER, DISCIPLINE.CODE).fetch(DISCIPLINE.CODE);
    }
}
