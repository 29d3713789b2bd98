package org.metrolims.proficiency.result;

import java.time.Clock;
import org.jooq.DSLContext;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.round.ProficiencyRounds;

/** Builds the result entry point on a test's DSLContext; the repository stays package-private. */
public final class ResultTestWiring {

    private ResultTestWiring() {
    }

    public static PtResults results(DSLContext dsl, PtEnrolments enrolments, ProficiencyRounds rounds, PtAudit audit,
            Clock clock) {
        return new PtResults(new ResultRepository(dsl), enrolments, rounds, audit, clock);
    }
}
