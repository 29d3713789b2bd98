package org.metrolims.calibration.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrolims.db.audit.AuditJson;

/** A calibration as the JSON object its audit lines carry (before/after): the header and each point's result. */
final class CalibrationJson {

    private CalibrationJson() {
    }

    static String of(Calibration c) {
        return AuditJson.object(fields(c));
    }

    static Map<String, Object> fields(Calibration c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("calibrationNo", c.calibrationNo());
        json.put("revision", c.revision());
        json.put("supersedesId", c.supersedesId());
        json.put("revisionReason", c.revisionReason());
        json.put("status", c.status());
        json.put("version", c.version());
        json.put("instrumentId", c.instrumentId());
        json.put("customerOrganizationId", c.customerOrganizationId());
        json.put("performingOrganizationId", c.performingOrganizationId());
        json.put("procedureCode", c.procedureCode());
        json.put("receivedOn", c.receivedOn());
        json.put("calibratedOn", c.calibratedOn());
        json.put("validUntil", c.validUntil());
        json.put("technicianId", c.technicianId());
        json.put("reviewerId", c.reviewerId());
        json.put("approvedAt", c.approvedAt());
        json.put("temperatureC", c.temperatureC());
        json.put("relativeHumidityPct", c.relativeHumidityPct());
        json.put("asFound", c.asFound());
        json.put("asLeft", c.asLeft());
        json.put("decisionRule", c.decisionRule());
        json.put("decisionRuleMultiplier", c.decisionRuleMultiplier());
        json.put("coverageProbability", c.coverageProbability());
        json.put("conformity", c.conformity());
        json.put("referenceStandardIds", c.referenceStandardIds());
        json.put("points", c.points().stream().map(CalibrationJson::point).toList());
        return json;
    }

    private static Map<String, Object> point(MeasuredPoint p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", p.seq());
        json.put("nominal", p.nominal());
        json.put("unit", p.unit());
        json.put("readings", p.readings());
        json.put("mean", p.mean());
        json.put("error", p.error());
        json.put("expandedUncertainty", p.expandedUncertainty());
        json.put("coverageFactor", p.coverageFactor());
        json.put("tolerance", p.tolerance());
        json.put("toleranceUnit", p.toleranceUnit());
        json.put("decisionRule", p.decisionRule());
        json.put("verdict", p.verdict());
        json.put("conformity", p.conformity());
        if (!p.correlations().isEmpty()) {
            json.put("correlations", p.correlations().stream()
                    .map(r -> List.of(r.a(), r.b(), r.r())).toList());
        }
        return json;
    }
}
