package org.metrolims.proficiency.scoring;

import java.time.Clock;
import org.jooq.DSLContext;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.scheme.ProficiencySchemes;

/** Builds the scoring entry point on a test's DSLContext; the repository stays package-private. */
public final class ScoringTestWiring {

    private ScoringTestWiring() {
    }

    public static RoundScoring scoring(DSLContext dsl, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtResults results, PtAudit audit, Clock clock) {
        return new RoundScoring(rounds, schemes, results, new ScoreRepository(dsl), audit, clock);
    }
}
