package org.metrolims.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The rows of the demo province, one record per table, with the ids the generator assigned.
 * Columns follow {@code V1__core_schema.sql}; enumerations are the strings its CHECK constraints allow.
 */
final class DemoRows {

    private DemoRows() {}

    record Region(long id, String code, String nameZh, String nameEn, String level, Long parentId) {}

    record Discipline(long id, String code, String nameZh, String nameEn, int sortOrder) {}

    record Quantity(long id, long disciplineId, String code, String nameZh, String nameEn, String siUnit,
            String siUnitName) {}

    record InstrumentType(long id, String code, String nameZh, String nameEn, long quantityId,
            int defaultIntervalMonths) {}

    record Organization(long id, String code, String nameZh, String nameEn, String kind, long regionId,
            Long parentId, String addressZh, String addressEn, String accreditationNumber,
            LocalDate accreditationValidUntil, LocalDateTime createdAt) {}

    record OrganizationScope(long organizationId, long disciplineId) {}

    record User(long id, String username, String passwordHash, String displayName, String email,
            long organizationId, LocalDateTime createdAt) {}

    record UserRole(long userId, String role) {}

    record Standard(long id, String code, String nameZh, String nameEn, long disciplineId, long quantityId,
            String level, long ownerOrganizationId, long regionId, BigDecimal rangeLow, BigDecimal rangeHigh,
            String unit, BigDecimal expandedUncertainty, BigDecimal coverageFactor, String accuracyClass,
            String status, LocalDate establishedOn, LocalDateTime createdAt) {}

    record StandardStatus(long id, long standardId, String status, LocalDate effectiveFrom, String reason,
            String recordedBy, LocalDateTime recordedAt) {}

    record AssessmentCertificate(long id, long standardId, String certificateNo, LocalDate issuedOn,
            LocalDate expiresOn, String issuer) {}

    record Instrument(long id, long ownerOrganizationId, long instrumentTypeId, Long measurementStandardId,
            String assetNo, String manufacturer, String model, String serialNo, BigDecimal rangeLow,
            BigDecimal rangeHigh, String unit, BigDecimal resolution, BigDecimal maxPermissibleError,
            String location, Integer calibrationIntervalMonths, String status, LocalDateTime createdAt) {}

    record Calibration(long id, String calibrationNo, long instrumentId, long customerOrganizationId,
            Long performingOrganizationId, String externalIssuer, String externalCertificateNo,
            String externalCmcReference, String procedureCode, LocalDate receivedOn, LocalDate calibratedOn,
            LocalDate validUntil, Long technicianId, LocalDateTime submittedAt, Long reviewerId,
            LocalDateTime approvedAt, String status, BigDecimal temperatureC, BigDecimal relativeHumidityPct,
            String asFound, String asLeft, String decisionRule, BigDecimal decisionRuleMultiplier,
            BigDecimal coverageProbability, String conformity, LocalDateTime createdAt) {}

    record ReferenceLink(long calibrationId, long standardId) {}

    /**
     * A calibration point with its decision. Points with a tolerance carry the rule, the guard band
     * w, the acceptance limits for the reading, the conformance probability and the ILAC G8
     * verdict, as {@code calibration.decision} gives them; points
     * without one (NMI certificates) carry none of these and conformity NOT_STATED. {@code measured} is null for a
     * result with mean and U only.
     */
    record MeasurementPoint(long id, long calibrationId, int seq, BigDecimal nominal, String unit,
            BigDecimal meanReading, BigDecimal error, BigDecimal correction, BigDecimal combinedUncertainty,
            BigDecimal expandedUncertainty, BigDecimal coverageFactor, BigDecimal coverageProbability,
            BigDecimal tolerance, String toleranceUnit, String conformity, String decisionRule,
            BigDecimal guardBandMultiplier, BigDecimal guardBand, BigDecimal acceptanceLower,
            BigDecimal acceptanceUpper, BigDecimal conformanceProbability, String verdict, Measured measured) {}

    /**
     * What a point measured in MetroLIMS adds to its result: the repeated readings with their s, the budget (JCGM
     * 100 Table H.1 rows) and ν_eff (null when infinite). A point without it is a result with mean and U only (taken
     * over from an earlier record), as the application reads it.
     */
    record Measured(List<BigDecimal> readings, BigDecimal standardDeviation, BigDecimal effectiveDof,
            List<BudgetRow> budget) {
        Measured {
            readings = List.copyOf(readings);
            budget = List.copyOf(budget);
        }
    }

    /** One line of a point's uncertainty budget, as entered and as evaluated. */
    record BudgetRow(int seq, String name, String type, String distribution, BigDecimal expandedUncertainty,
            BigDecimal coverageFactor, BigDecimal standardUncertainty, BigDecimal degreesOfFreedom,
            BigDecimal contribution) {}

    /** Instruments with all their calibrations, written together so that memory stays flat at any scale. */
    record InstrumentBatch(List<Instrument> instruments, List<Calibration> calibrations,
            List<ReferenceLink> references, List<MeasurementPoint> points) {
        InstrumentBatch {
            instruments = List.copyOf(instruments);
            calibrations = List.copyOf(calibrations);
            references = List.copyOf(references);
            points = List.copyOf(points);
        }
    }

    /** The kinds of flaw built into a few traceability chains on purpose. */
    enum GapKind {
        /** the equipment's last calibration expired before the anchor date and was not renewed */
        EXPIRED_LINK,
        /** the equipment's calibrations name no reference standard and no external issuer's standard */
        MISSING_LINK,
        /** the NMI calibration at the root of the chain expired before the anchor date */
        EXPIRED_ROOT
    }

    /** One standard whose chain is broken on purpose, so that traceability analysis has something to find. */
    record DeliberateGap(String standardCode, String level, GapKind kind) {}
}
