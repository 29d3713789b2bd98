package org.metrolims.reports.certificate;

import java.time.LocalDate;

/** An approved calibration of the lab with no certificate yet: a row of the batch-issue selection. */
public record UncertifiedCalibration(long calibrationId, String calibrationNo, LocalDate calibratedOn,
        String instrumentZh, String instrumentEn, String serialNo, String customerZh, String customerEn,
        String contactEmail) {
}
