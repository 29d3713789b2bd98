package org.metrolims.calibration.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A new capability-demand row, ready to record ({@link CoverageMetrics#recordDemand}). */
public record NewDemand(long regionId, long quantityId, BigDecimal rangeLow, BigDecimal rangeHigh, String unit,
        BigDecimal neededUncertainty, LocalDate demandedFrom, Optional<LocalDate> demandedUntil,
        Optional<String> note) {
}
