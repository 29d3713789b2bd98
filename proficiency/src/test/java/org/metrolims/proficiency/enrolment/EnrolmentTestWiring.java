package org.metrolims.proficiency.enrolment;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.scheme.ProficiencySchemes;

/** Builds the enrolment entry point on a test's DSLContext; the repository stays package-private. */
public final class EnrolmentTestWiring {

    private EnrolmentTestWiring() {
    }

    public static PtEnrolments enrolments(DSLContext dsl, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtAudit audit, Clock clock, RandomGenerator random) {
        return new PtEnrolments(new EnrolmentRepository(dsl), rounds, schemes, audit, clock, random);
    }
}
