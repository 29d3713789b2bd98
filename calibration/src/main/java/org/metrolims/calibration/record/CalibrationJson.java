package org.metrolims.calibration.record;

import java.util.List;

/** A calibration as the JSON object its audit lines carry (before/after): the header and each point's result. */
final class CalibrationJson {

    private CalibrationJson() {
    }

    static String of(Calibration c) {
        StringBuilder sb = new StringBuilder("{");
        field(sb, "id", c.id());
        field(sb, "calibrationNo", c.calibrationNo());
        field(sb, "revision", c.revision());
        field(sb, "supersedesId", c.supersedesId());
        field(sb, "revisionReason", c.revisionReason());
        field(sb, "status", c.status());
        field(sb, "version", c.version());
        field(sb, "instrumentId", c.instrumentId());
        field(sb, "customerOrganizationId", c.customerOrganizationId());
        field(sb, "performingOrganizationId", c.performingOrganizationId());
        field(sb, "procedureCode", c.procedureCode());
        field(sb, "receivedOn", c.receivedOn());
        field(sb, "calibratedOn", c.calibratedOn());
        field(sb, "validUntil", c.validUntil());
        field(sb, "technicianId", c.technicianId());
        field(sb, "reviewerId", c.reviewerId());
        field(sb, "approvedAt", c.approvedAt());
        field(sb, "temperatureC", c.temperatureC());
        field(sb, "relativeHumidityPct", c.relativeHumidityPct());
        field(sb, "asFound", c.asFound());
        field(sb, "asLeft", c.asLeft());
        field(sb, "decisionRule", c.decisionRule());
        field(sb, "decisionRuleMultiplier", c.decisionRuleMultiplier());
        field(sb, "coverageProbability", c.coverageProbability());
        field(sb, "conformity", c.conformity());
        sb.append("\"referenceStandardIds\":").append(c.referenceStandardIds()).append(",\"points\":[");
        List<MeasuredPoint> points = c.points();
        for (int i = 0; i < points.size(); i++) {
            MeasuredPoint p = points.get(i);
            sb.append(i == 0 ? "{" : ",{");
            field(sb, "seq", p.seq());
            field(sb, "nominal", p.nominal());
            field(sb, "unit", p.unit());
            sb.append("\"readings\":").append(numbers(p.readings())).append(',');
            field(sb, "mean", p.mean());
            field(sb, "error", p.error());
            field(sb, "expandedUncertainty", p.expandedUncertainty());
            field(sb, "coverageFactor", p.coverageFactor());
            field(sb, "tolerance", p.tolerance());
            field(sb, "toleranceUnit", p.toleranceUnit());
            field(sb, "decisionRule", p.decisionRule());
            field(sb, "verdict", p.verdict());
            field(sb, "conformity", p.conformity());
            sb.setLength(sb.length() - 1);
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static String numbers(List<Double> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(values.get(i));
        }
        return sb.append(']').toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        sb.append('"').append(name).append("\":");
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            sb.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            quote(sb, value.toString());
        }
        sb.append(',');
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
