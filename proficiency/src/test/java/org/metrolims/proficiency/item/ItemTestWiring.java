package org.metrolims.proficiency.item;

import org.jooq.DSLContext;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.scheme.ProficiencySchemes;

/** Builds the item-study entry point on a test's DSLContext; the repository stays package-private. */
public final class ItemTestWiring {

    private ItemTestWiring() {
    }

    public static ItemStudies items(DSLContext dsl, ProficiencyRounds rounds, ProficiencySchemes schemes,
            PtResults results, PtAudit audit) {
        return new ItemStudies(new ItemMeasurementRepository(dsl), rounds, schemes, results, audit);
    }
}
