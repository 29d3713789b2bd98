package org.metrolims.proficiency.round;

import java.time.Clock;
import org.jooq.DSLContext;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.scheme.ProficiencySchemes;

/** Builds the round entry point on a test's DSLContext; the repository stays package-private. */
public final class RoundTestWiring {

    private RoundTestWiring() {
    }

    public static ProficiencyRounds rounds(DSLContext dsl, ProficiencySchemes schemes, PtAudit audit, Clock clock) {
        return new ProficiencyRounds(new RoundRepository(dsl), schemes, audit, clock);
    }
}
