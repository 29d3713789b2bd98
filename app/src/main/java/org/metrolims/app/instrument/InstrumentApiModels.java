package org.metrolims.app.instrument;

import java.math.BigDecimal;
import org.metrolims.calibration.instrument.InstrumentDetails;
import org.metrolims.calibration.instrument.InstrumentStatus;

/** Request bodies of the instruments API. The service checks the values; these only carry them. */
final class InstrumentApiModels {

    private InstrumentApiModels() {}

    /** An instrument to register, or to update ({@code version} required). */
    record InstrumentRequest(String owner, String type, String assetNo, String manufacturer, String model,
            String serialNo, BigDecimal rangeLow, BigDecimal rangeHigh, String unit, BigDecimal resolution,
            BigDecimal maxPermissibleError, String location, Integer calibrationIntervalMonths,
            InstrumentStatus status, Integer version, String reason) {

        InstrumentDetails details() {
            return new InstrumentDetails(owner, type, assetNo, manufacturer, model, serialNo, rangeLow, rangeHigh,
                    unit, resolution, maxPermissibleError, location, calibrationIntervalMonths, status);
        }
    }
}
