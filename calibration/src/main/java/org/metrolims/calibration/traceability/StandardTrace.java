package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.List;

/**
 * When a standard counts (DESIGN.md: assessment certificate valid and status active) and when its traceability chain
 * is complete ({@link ChainAnalyzer#complete}), over all days, as ordered disjoint day ranges: the maintained summary
 * the coverage figures read ({@link TraceSummary}).
 */
public record StandardTrace(long standardId, List<DayRange> counts, List<DayRange> complete) {

    public StandardTrace {
        counts = List.copyOf(counts);
        complete = List.copyOf(complete);
    }

    public boolean countsOn(LocalDate day) {
        return within(counts, day);
    }

    public boolean completeOn(LocalDate day) {
        return within(complete, day);
    }

    private static boolean within(List<DayRange> ranges, LocalDate day) {
        for (DayRange r : ranges) {
            if (r.contains(day)) {
                return true;
            }
        }
        return false;
    }
}
