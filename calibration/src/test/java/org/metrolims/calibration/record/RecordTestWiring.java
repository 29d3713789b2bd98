package org.metrolims.calibration.record;

import org.jooq.DSLContext;
import org.metrolims.calibration.traceability.TraceabilityTestWiring;
import org.metrolims.db.audit.AuditTrail;

/**
 * Builds the calibration-record entry point on a test's DSLContext (no Spring), for the tests of other packages and
 * modules; the repositories and the reference-standard check stay package-private.
 */
public final class RecordTestWiring {

    private RecordTestWiring() {
    }

    public static CalibrationRecords records(DSLContext dsl) {
        return new CalibrationRecords(new CalibrationRepository(dsl), new AuditTrail(dsl),
                new ReferenceStandardCheck(TraceabilityTestWiring.analysis(dsl)),
                new ReferenceOverrideRepository(dsl), new WorkRepository(dsl));
    }
}
