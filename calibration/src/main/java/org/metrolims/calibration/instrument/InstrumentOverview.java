package org.metrolims.calibration.instrument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.Conformity;
import org.metrolims.calibration.record.InstrumentCondition;

/**
 * Everything the instrument page shows about one instrument, as the asking user may see it: what it is and who owns
 * it, when it is due, its calibrations (newest first, with the error found at each test point), the certificates
 * issued for them and the recall messages sent about it.
 *
 * @param due          its schedule, or null when it has no schedule row yet
 * @param overdue      whether its due date is before today; never for a retired instrument
 * @param history      the calibrations the user may see, newest first
 * @param certificates the certificate revisions the user may see, newest first
 * @param recalls      the recall messages sent to organizations the user belongs to (all for officers), newest first
 */
public record InstrumentOverview(Instrument instrument, Names owner, Names type, Due due, boolean overdue,
        List<HistoryEntry> history, List<CertificateEntry> certificates, List<RecallMessage> recalls) {

    public InstrumentOverview {
        history = List.copyOf(history);
        certificates = List.copyOf(certificates);
        recalls = List.copyOf(recalls);
    }

    /** A name in both languages. */
    public record Names(String zh, String en) {
    }

    /**
     * The schedule: the interval in force and the due date (the last valid day).
     *
     * @param lastCalibratedOn the last approved calibration's date, or null when it never had one approved (then
     *                         it is due from the day it was registered)
     */
    public record Due(int intervalMonths, LocalDate dueOn, LocalDate lastCalibratedOn, LocalDate lastValidUntil) {

        public boolean neverCalibrated() {
            return lastCalibratedOn == null;
        }
    }

    /**
     * One calibration of the instrument.
     *
     * @param performer   the performing organization's name, or the external issuer (an NMI) for an external one
     * @param technician  who performed it, or null
     * @param points      its test points, in order
     */
    public record HistoryEntry(long calibrationId, String calibrationNo, int revision, CalibrationStatus status,
            LocalDate calibratedOn, LocalDate validUntil, Names performer, String technician, String procedureCode,
            InstrumentCondition asFound, InstrumentCondition asLeft, Conformity conformity, List<PointResult> points) {

        public HistoryEntry {
            points = List.copyOf(points);
        }
    }

    /**
     * The error found at one test point: mean − nominal, with its expanded uncertainty and the tolerance (±) it was
     * judged against, all in {@code unit} (the tolerance in {@code toleranceUnit}, as entered).
     */
    public record PointResult(int seq, BigDecimal nominal, String unit, BigDecimal error,
            BigDecimal expandedUncertainty, BigDecimal coverageFactor, BigDecimal tolerance, String toleranceUnit,
            Conformity conformity) {
    }

    /** One certificate revision issued for a calibration of the instrument. */
    public record CertificateEntry(String number, int revision, String status, long calibrationId, Instant issuedAt,
            String verificationCode) {
    }

    /** A recall (due-date reminder) message sent about the instrument. */
    public record RecallMessage(String kind, LocalDate dueOn, Instant sentAt, String subject) {
    }
}
