package org.metrolims.reports.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * What a certificate is made from, read from the calibration record and its neighbours in one go: the issuing lab,
 * the customer, the item, the points with their decisions and the reference standards used with what calibrated
 * them in turn.
 */
record CertificateFacts(long calibrationId, String calibrationNo, int calibrationRevision, String status,
        Long performerId, long customerId, Party performer, Party customer, String itemZh, String itemEn,
        String manufacturer, String model, String serialNo, String assetNo, String procedureCode,
        LocalDate receivedOn, LocalDate calibratedOn, Double temperatureC, Double relativeHumidityPct,
        String decisionRule, Double decisionRuleMultiplier, String conformity, List<ReferenceStandard> references,
        List<PointFacts> points) {

    CertificateFacts {
        references = List.copyOf(references);
        points = List.copyOf(points);
    }

    String subject() {
        return itemZh + " " + manufacturer + " " + model + " #" + serialNo;
    }

    record Party(String nameZh, String nameEn, String addressZh, String addressEn, String accreditation) {
    }

    /** A reference standard the calibration used, and the calibration of it that was current then, if any. */
    record ReferenceStandard(long id, String code, String nameZh, String nameEn, String ownerZh, String ownerEn,
            Double expandedUncertainty, Double coverageFactor, String unit, String accuracyClass, Upstream upstream) {
    }

    /** Who calibrated a reference standard: an in-province lab, or an NMI / external issuer (a chain root). */
    record Upstream(String issuerZh, String issuerEn, String certificateNo, LocalDate calibratedOn,
            boolean external) {
    }

    record PointFacts(int seq, double nominal, String unit, Double mean, Double error, Double expandedUncertainty,
            Double coverageFactor, Double coverageProbability, Double tolerance, String toleranceUnit,
            String verdict, String conformity) {
    }
}
