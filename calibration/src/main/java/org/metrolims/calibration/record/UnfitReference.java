package org.metrolims.calibration.record;

import java.time.LocalDate;
import java.util.List;

/**
 * A reference standard that is unfit to be used on a calibration date, and why (ISO/IEC 17025 6.4.4, 6.4.7, 6.5):
 * its calibration had expired, it was not in service (suspended or retired), or its traceability chain was broken.
 *
 * @param validUntil for {@link Problem#OVERDUE}, the last day its calibration was valid
 * @param status for {@link Problem#NOT_IN_SERVICE}, its registry status on the date
 */
public record UnfitReference(long standardId, String code, List<Problem> problems, LocalDate validUntil,
        String status) {

    public UnfitReference {
        problems = List.copyOf(problems);
    }

    /** What makes a reference standard unfit on a date. */
    public enum Problem {
        /** the latest calibration of its equipment done on or before the date had expired on the date */
        OVERDUE,
        /** its registry status on the date is not ACTIVE (suspended or retired) */
        NOT_IN_SERVICE,
        /** a link of its traceability chain above its own calibration is broken on the date */
        BROKEN_CHAIN
    }

    /** In plain English, for the API and the audit trail. */
    public String describe() {
        StringBuilder b = new StringBuilder(code).append(':');
        for (Problem p : problems) {
            b.append(switch (p) {
                case OVERDUE -> " overdue, its calibration expired on " + validUntil + ";";
                case NOT_IN_SERVICE -> " not in service (" + status + ") on the calibration date;";
                case BROKEN_CHAIN -> " its traceability chain is broken on the calibration date;";
            });
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
