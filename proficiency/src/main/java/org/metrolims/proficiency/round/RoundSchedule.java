package org.metrolims.proficiency.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.metrolims.proficiency.PtInputException;

/**
 * The dates of a round, in order: enrolment opens, enrolment closes, items dispatched, results due (an instant; the
 * deadline's date is taken in UTC, as the database stores it), report due. Each may equal the one before.
 */
public record RoundSchedule(LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, LocalDate dispatchOn,
        Instant submissionDeadline, LocalDate reportDueOn) {

    /** The range of a MariaDB TIMESTAMP, which stores the deadline. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:01Z");
    static final Instant LATEST = Instant.parse("2038-01-19T03:14:07Z");

    public RoundSchedule {
        required(enrolmentOpensOn, "enrolmentOpensOn");
        required(enrolmentClosesOn, "enrolmentClosesOn");
        required(dispatchOn, "dispatchOn");
        required(submissionDeadline, "submissionDeadline");
        required(reportDueOn, "reportDueOn");
        if (submissionDeadline.isBefore(EARLIEST) || submissionDeadline.isAfter(LATEST)) {
            throw new PtInputException("submissionDeadline", "must lie between " + EARLIEST + " and " + LATEST
                    + " (the range of a database TIMESTAMP)");
        }
        LocalDate deadlineDate = LocalDate.ofInstant(submissionDeadline, ZoneOffset.UTC);
        notBefore(enrolmentClosesOn, enrolmentOpensOn, "enrolmentClosesOn", "enrolmentOpensOn");
        notBefore(dispatchOn, enrolmentClosesOn, "dispatchOn", "enrolmentClosesOn");
        notBefore(deadlineDate, dispatchOn, "submissionDeadline", "dispatchOn");
        notBefore(reportDueOn, deadlineDate, "reportDueOn", "submissionDeadline");
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new PtInputException(field, "is required");
        }
    }

    private static void notBefore(LocalDate later, LocalDate earlier, String field, String earlierField) {
        if (later.isBefore(earlier)) {
            throw new PtInputException(field, field + " (" + later + ") must not be before " + earlierField + " ("
                    + earlier + ")");
        }
    }
}
