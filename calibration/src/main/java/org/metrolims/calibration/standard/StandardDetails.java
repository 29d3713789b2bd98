package org.metrolims.calibration.standard;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What is registered about a measurement standard (计量标准), as entered or imported. Codes name the reference data:
 * discipline and quantity codes, the owning organization's code and the GB/T 2260 region code.
 *
 * @param expandedUncertainty the expanded uncertainty U the standard claims (with {@code coverageFactor} k), or null
 *                            when it claims an accuracy class instead
 */
public record StandardDetails(String code, String nameZh, String nameEn, String discipline, String quantity,
        StandardLevel level, String owner, String region, BigDecimal rangeLow, BigDecimal rangeHigh, String unit,
        BigDecimal expandedUncertainty, BigDecimal coverageFactor, String accuracyClass, LocalDate establishedOn) {
}
