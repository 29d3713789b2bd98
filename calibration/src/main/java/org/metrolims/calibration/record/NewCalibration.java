package org.metrolims.calibration.record;

import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;

/**
 * A calibration's content ready to be written: the entered header, the evaluated points and the workflow fields the
 * service set. {@code calibrationNo} is null for a new record (numbered from the sequence with
 * {@code numberPrefix}) and the original's number for a revision.
 */
record NewCalibration(String calibrationNo, String numberPrefix, int revision, Long supersedesId,
        String revisionReason, long performingOrganizationId, long technicianId, long customerOrganizationId,
        CalibrationDraft draft, DecisionRuleCode decisionRule, Double decisionRuleMultiplier,
        double coverageProbability, Conformity conformity, List<MeasuredPoint> points) {

    NewCalibration {
        points = List.copyOf(points);
    }
}
