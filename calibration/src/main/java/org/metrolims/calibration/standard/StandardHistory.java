package org.metrolims.calibration.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A standard with everything that happened to it: status history (oldest first), assessment certificates, the
 * instruments that make it up, and the audit trail of every change (oldest first).
 */
public record StandardHistory(MeasurementStandard standard, List<StatusChange> statuses,
        List<AssessmentCertificate> certificates, List<Equipment> equipment, List<AuditLine> audit) {

    public StandardHistory {
        statuses = List.copyOf(statuses);
        certificates = List.copyOf(certificates);
        equipment = List.copyOf(equipment);
        audit = List.copyOf(audit);
    }

    /** A row of the status history: in force from {@code effectiveFrom} until the next row's date. */
    public record StatusChange(StandardStatus status, LocalDate effectiveFrom, String reason, String recordedBy,
            Instant recordedAt) {
    }

    /** An instrument that is part of the standard's equipment. */
    public record Equipment(long instrumentId, String type, String manufacturer, String model, String serialNo) {
    }

    /** One line of the audit trail: who did what, when, with the record before and after as JSON. */
    public record AuditLine(long id, Instant occurredAt, String actor, String action, String before, String after,
            String reason) {
    }
}
