package org.metrolims.calibration.record;

import java.time.LocalDate;
import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;

/**
 * The content of a calibration record as a technician enters it: for a new draft, an edit of a draft, or a
 * correcting revision. The service derives the rest (means, errors, budgets, decisions, conformity).
 *
 * @param customerOrganizationId the customer; the instrument's owner when null
 * @param referenceStandardIds the measurement standards used: the links of the traceability chain (at least one)
 * @param decisionRule the decision rule, required when any point has a tolerance
 * @param decisionRuleMultiplier r of a w = r·U rule
 * @param coverageProbability p of every point's U; 0.9545 (k = 2 for large ν_eff) when null
 * @param referenceOverrides the documented reasons for using named standards that are unfit on the calibration date
 *        (overdue, not in service, broken chain); without one, such a standard is refused
 */
public record CalibrationDraft(long instrumentId, Long customerOrganizationId, String procedureCode,
        LocalDate receivedOn, LocalDate calibratedOn, LocalDate validUntil, List<Long> referenceStandardIds,
        Double temperatureC, Double relativeHumidityPct, InstrumentCondition asFound, InstrumentCondition asLeft,
        DecisionRuleCode decisionRule, Double decisionRuleMultiplier, Double coverageProbability,
        List<PointInput> points, List<ReferenceOverride> referenceOverrides) {

    public CalibrationDraft {
        referenceStandardIds = referenceStandardIds == null ? List.of() : List.copyOf(referenceStandardIds);
        points = points == null ? List.of() : List.copyOf(points);
        referenceOverrides = referenceOverrides == null ? List.of() : List.copyOf(referenceOverrides);
    }

    /** A draft without overrides. */
    public CalibrationDraft(long instrumentId, Long customerOrganizationId, String procedureCode,
            LocalDate receivedOn, LocalDate calibratedOn, LocalDate validUntil, List<Long> referenceStandardIds,
            Double temperatureC, Double relativeHumidityPct, InstrumentCondition asFound, InstrumentCondition asLeft,
            DecisionRuleCode decisionRule, Double decisionRuleMultiplier, Double coverageProbability,
            List<PointInput> points) {
        this(instrumentId, customerOrganizationId, procedureCode, receivedOn, calibratedOn, validUntil,
                referenceStandardIds, temperatureC, relativeHumidityPct, asFound, asLeft, decisionRule,
                decisionRuleMultiplier, coverageProbability, points, List.of());
    }
}
