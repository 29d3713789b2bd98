package org.metrolims.proficiency.scheme;

import org.jooq.DSLContext;
import org.metrolims.proficiency.internal.PtAudit;

/** Builds the scheme entry point on a test's DSLContext; the repository stays package-private. */
public final class SchemeTestWiring {

    private SchemeTestWiring() {
    }

    public static ProficiencySchemes schemes(DSLContext dsl, PtAudit audit) {
        return new ProficiencySchemes(new SchemeRepository(dsl), audit);
    }
}
