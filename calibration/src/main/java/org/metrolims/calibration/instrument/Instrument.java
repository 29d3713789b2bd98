package org.metrolims.calibration.instrument;

import java.math.BigDecimal;

/**
 * A registered instrument as it is now.
 *
 * @param standard                  the code of the measurement standard whose equipment it is, or null
 * @param calibrationIntervalMonths the instrument's own interval, or null when its type's default applies
 * @param defaultIntervalMonths     the type's default calibration interval
 * @param version                   for optimistic locking: an update names the version it was based on
 */
public record Instrument(long id, long ownerOrganizationId, String owner, String type, String standard,
        String assetNo, String manufacturer, String model, String serialNo, BigDecimal rangeLow, BigDecimal rangeHigh,
        String unit, BigDecimal resolution, BigDecimal maxPermissibleError, String location,
        Integer calibrationIntervalMonths, int defaultIntervalMonths, InstrumentStatus status, int version) {

    public InstrumentDetails details() {
        return new InstrumentDetails(owner, type, assetNo, manufacturer, model, serialNo, rangeLow, rangeHigh, unit,
                resolution, maxPermissibleError, location, calibrationIntervalMonths, status);
    }
}
