package org.metrolims.calibration.traceability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.metrolims.calibration.traceability.TraceGraph.CalibrationLink;
import org.metrolims.calibration.traceability.TraceGraph.StandardNode;
import org.metrolims.calibration.traceability.TraceGraph.StatusChange;
import org.metrolims.calibration.traceability.TraceGraph.Validity;

/**
 * A standard's {@link StandardTrace} from the traceability graph, pure Java. Whether a standard counts changes only on
 * the days a status takes effect, a certificate starts and the day after one ends; whether its chain is complete
 * ({@link ChainAnalyzer#complete}) only on the days an item of its equipment is calibrated and the day after a
 * calibration expires, since the upstream verdict of a calibration does not depend on the day it is asked about.
 * So each is judged once on each such day (and before the first), and holds until the next.
 */
final class TraceTimeline {

    private TraceTimeline() {
    }

    static StandardTrace of(StandardNode s, TraceGraph graph, ChainAnalyzer analyzer) {
        TreeSet<LocalDate> countChanges = new TreeSet<>();
        for (StatusChange c : s.statuses()) {
            countChanges.add(c.from());
        }
        for (Validity v : s.certificates()) {
            countChanges.add(v.from());
            countChanges.add(dayAfter(v.until()));
        }
        List<DayRange> complete;
        if (s.nationalPrimary()) {
            complete = List.of(new DayRange(LocalDate.MIN, LocalDate.MAX));
        } else {
            TreeSet<LocalDate> chainChanges = new TreeSet<>();
            for (long item : graph.equipmentOf(s.id())) {
                for (CalibrationLink c : graph.calibrationsOf(item)) {
                    chainChanges.add(c.calibratedOn());
                    c.validUntil().ifPresent(u -> chainChanges.add(dayAfter(u)));
                }
            }
            complete = ranges(chainChanges, day -> analyzer.complete(s.id(), day));
        }
        return new StandardTrace(s.id(), ranges(countChanges, s::countsOn), complete);
    }

    /**
     * The days on which {@code holds} is true, when it can change only on the given days: judged on
     * {@link LocalDate#MIN} and on each of them, each verdict holding until the day before the next.
     */
    static List<DayRange> ranges(TreeSet<LocalDate> changes, Predicate<LocalDate> holds) {
        List<DayRange> out = new ArrayList<>();
        LocalDate start = holds.test(LocalDate.MIN) ? LocalDate.MIN : null;
        for (LocalDate day : changes) {
            if (day.equals(LocalDate.MIN)) {
                continue;
            }
            boolean on = holds.test(day);
            if (on && start == null) {
                start = day;
            } else if (!on && start != null) {
                out.add(new DayRange(start, day.minusDays(1)));
                start = null;
            }
        }
        if (start != null) {
            out.add(new DayRange(start, LocalDate.MAX));
        }
        return out;
    }

    /**
     * The first day on which the two sets of ranges disagree, if any: both change only on the days their ranges start
     * or end after, so it is enough to compare them on those days.
     */
    static java.util.Optional<LocalDate> firstDifference(List<DayRange> a, List<DayRange> b) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.MIN);
        for (List<DayRange> side : List.of(a, b)) {
            for (DayRange r : side) {
                days.add(r.from());
                days.add(dayAfter(r.until()));
            }
        }
        for (LocalDate day : days) {
            if (covers(a, day) != covers(b, day)) {
                return java.util.Optional.of(day);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean covers(List<DayRange> ranges, LocalDate day) {
        return ranges.stream().anyMatch(r -> r.contains(day));
    }

    private static LocalDate dayAfter(LocalDate day) {
        return day.equals(LocalDate.MAX) ? LocalDate.MAX : day.plusDays(1);
    }
}
