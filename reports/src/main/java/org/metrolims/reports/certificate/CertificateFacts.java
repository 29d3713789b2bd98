package org.metrolims.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.metrolims.calibration.traceability.LinkProblem;

/**
 * What a certificate is made from, read from the calibration record and its neighbours in one go: the issuing lab,
 * the customer, the item, the points with their decisions and the reference standards used with what calibrated
 * them in turn; and whether a certificate already carries the calibration's number (any revision), read with the
 * rest so that issuing costs no statement of its own for it.
 */
record CertificateFacts(long calibrationId, String calibrationNo, int calibrationRevision, String status,
        Long performerId, long customerId, Party performer, Party customer, String itemZh, String itemEn,
        String manufacturer, String model, String serialNo, String assetNo, String procedureCode,
        LocalDate receivedOn, LocalDate calibratedOn, Double temperatureC, Double relativeHumidityPct,
        String decisionRule, Double decisionRuleMultiplier, String conformity, List<ReferenceStandard> references,
        List<PointFacts> points, boolean certified, List<Override> overrides) {

    CertificateFacts {
        references = List.copyOf(references);
        points = List.copyOf(points);
        overrides = List.copyOf(overrides);
    }

    /**
     * A reference standard used although unfit on the calibration date, under the technician's documented override
     * ({@code calibration.record}): printed with its reason so that the certificate says what it is worth.
     *
     * @param problems OVERDUE, NOT_IN_SERVICE, BROKEN_CHAIN
     */
    record Override(String code, List<String> problems, String reason, String by, LocalDate on) {

        Override {
            problems = List.copyOf(problems);
        }
    }

    String subject() {
        return itemZh + " " + manufacturer + " " + model + " #" + serialNo;
    }

    record Party(String nameZh, String nameEn, String addressZh, String addressEn, String accreditation) {
    }

    /**
     * A reference standard the calibration used, with its traceability chain as it stood on the calibration day
     * ({@code calibration.traceability}): every link up to the roots, in walking order.
     *
     * @param chainComplete whether no link of the chain is broken (a national primary standard is complete alone)
     */
    record ReferenceStandard(long id, String code, String nameZh, String nameEn, String ownerZh, String ownerEn,
            Double expandedUncertainty, Double coverageFactor, String unit, String accuracyClass,
            boolean nationalPrimary, boolean chainComplete, List<ChainStep> chain) {

        ReferenceStandard {
            chain = List.copyOf(chain);
        }
    }

    /**
     * One link of a chain, worded for printing: standard {@code fromCode} (at {@code level}, 1 for the reference
     * standard itself) was calibrated by {@code issuer} under {@code certificateNo} against {@code reference}, or
     * by an external issuer that is a root, or not at all ({@code certificateNo} empty: a missing link).
     */
    record ChainStep(int level, String fromCode, Optional<String> certificateNo, Optional<LocalDate> calibratedOn,
            Optional<LocalDate> validUntil, Optional<Label> issuer, boolean external, Optional<Label> reference,
            List<LinkProblem> problems) {

        ChainStep {
            problems = List.copyOf(problems);
        }
    }

    /** A name in both languages; {@code code} is a standard's code, empty for an organization. */
    record Label(String code, String zh, String en, boolean nationalPrimary) {
    }

    record PointFacts(int seq, double nominal, String unit, Double mean, Double error, Double expandedUncertainty,
            Double coverageFactor, Double coverageProbability, Double tolerance, String toleranceUnit,
            String verdict, String conformity) {
    }
}
