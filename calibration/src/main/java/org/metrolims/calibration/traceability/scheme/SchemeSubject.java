package org.metrolims.calibration.traceability.scheme;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A standard as the scheme check needs it: what it measures, its claimed expanded uncertainty (in {@code unit}) and
 * the upper end of its range, and what it claims (its accuracy class, or an explicit claim of a level).
 */
public record SchemeSubject(long standardId, String code, String quantityCode, String unit,
        OptionalDouble expandedUncertainty, OptionalDouble rangeHigh, Optional<String> accuracyClass,
        Optional<Long> claimedLevelId) {

    public SchemeSubject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(quantityCode, "quantityCode");
        Objects.requireNonNull(unit, "unit");
    }
}
