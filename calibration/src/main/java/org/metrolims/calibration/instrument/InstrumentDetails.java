package org.metrolims.calibration.instrument;

import java.math.BigDecimal;

/**
 * What is registered about an instrument, as entered or imported. {@code owner} and {@code type} are the codes of the
 * owning organization and the instrument type.
 *
 * @param maxPermissibleError       the maximum permissible error (or tolerance), in {@code unit}
 * @param calibrationIntervalMonths the instrument's own interval, or null for its type's default
 * @param status                    null means IN_SERVICE
 */
public record InstrumentDetails(String owner, String type, String assetNo, String manufacturer, String model,
        String serialNo, BigDecimal rangeLow, BigDecimal rangeHigh, String unit, BigDecimal resolution,
        BigDecimal maxPermissibleError, String location, Integer calibrationIntervalMonths, InstrumentStatus status) {

    public InstrumentStatus statusOrDefault() {
        return status == null ? InstrumentStatus.IN_SERVICE : status;
    }
}
