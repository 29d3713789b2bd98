package org.metrolims.calibration.standard;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A registered measurement standard as it is now.
 *
 * @param certificate the latest assessment certificate (the one expiring last), or null when it has none
 * @param version     for optimistic locking: an update names the version it was based on
 */
public record MeasurementStandard(long id, String code, String nameZh, String nameEn, String discipline,
        String quantity, StandardLevel level, long ownerOrganizationId, String owner, String region,
        BigDecimal rangeLow, BigDecimal rangeHigh, String unit, BigDecimal expandedUncertainty,
        BigDecimal coverageFactor, String accuracyClass, StandardStatus status, LocalDate establishedOn, int version,
        AssessmentCertificate certificate) {

    public StandardDetails details() {
        return new StandardDetails(code, nameZh, nameEn, discipline, quantity, level, owner, region, rangeLow,
                rangeHigh, unit, expandedUncertainty, coverageFactor, accuracyClass, establishedOn);
    }
}
