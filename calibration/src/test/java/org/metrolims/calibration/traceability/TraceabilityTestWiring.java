package org.metrolims.calibration.traceability;

import org.jooq.DSLContext;

/**
 * Builds the traceability entry point on a test's DSLContext (no Spring), for the tests of other packages and
 * modules; the repository stays package-private.
 */
public final class TraceabilityTestWiring {

    private TraceabilityTestWiring() {
    }

    public static TraceabilityAnalysis analysis(DSLContext dsl) {
        return new TraceabilityAnalysis(new TraceabilityRepository(dsl));
    }
}
