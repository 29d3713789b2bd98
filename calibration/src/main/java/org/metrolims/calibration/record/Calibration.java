package org.metrolims.calibration.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;

/**
 * A calibration record as stored, with its points, their readings and budgets, read in one query.
 *
 * @param revision 1 for the original; n + 1 for the correction of revision n, which it {@code supersedesId}
 * @param version the optimistic-locking version a change must quote
 */
public record Calibration(long id, String calibrationNo, int revision, Long supersedesId, String revisionReason,
        long instrumentId, long customerOrganizationId, Long performingOrganizationId, String procedureCode,
        LocalDate receivedOn, LocalDate calibratedOn, LocalDate validUntil, Long technicianId, Instant submittedAt,
        Long reviewerId, Instant approvedAt, CalibrationStatus status, Double temperatureC, Double relativeHumidityPct,
        InstrumentCondition asFound, InstrumentCondition asLeft, DecisionRuleCode decisionRule,
        Double decisionRuleMultiplier, Double coverageProbability, Conformity conformity, int version,
        List<Long> referenceStandardIds, List<MeasuredPoint> points) {

    public Calibration {
        referenceStandardIds = List.copyOf(referenceStandardIds);
        points = List.copyOf(points);
    }
}
