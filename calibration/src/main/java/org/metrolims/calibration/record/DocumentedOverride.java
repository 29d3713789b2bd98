package org.metrolims.calibration.record;

import java.time.Instant;
import java.util.List;

/**
 * A reference standard a record uses under a documented override: what was wrong with it on the calibration date,
 * the technician's reason, who decided it and when.
 */
record DocumentedOverride(long standardId, String code, String nameZh, String nameEn,
        List<UnfitReference.Problem> problems, String reason, long overriddenById, String overriddenBy,
        Instant overriddenAt) {

    public DocumentedOverride {
        problems = List.copyOf(problems);
    }
}
