package org.metrolims.calibration.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proposes a week for each piece of due work so that a lab's load is level and no item is planned
 * after its due date (pure; no Spring, no database).
 *
 * <p><b>Algorithm: earliest deadline first with levelling.</b> Weeks run Monday to Sunday from the
 * week of {@code start}. Jobs are taken in order of due date. A job may go in any week from the
 * first up to the week containing its due date (an overdue job: the first week only). Among those
 * weeks it goes to the one with the most spare capacity in its discipline (ties: the latest, so
 * that an instrument is not called in earlier than it must be, which would shorten its interval);
 * when every allowed week is full, to the least loaded one, which then shows as over capacity.
 *
 * <p>Why this never loses feasibility: the weeks allowed to a job are always a prefix of the
 * horizon (week 0 … its due week), and jobs come in due order, so each job's allowed weeks include
 * every earlier job's. A job placed anywhere in the prefix uses the same prefix capacity, so
 * whenever a plan exists that keeps every week within capacity and every job on time (for each due
 * week d, jobs due by d ≤ capacity of weeks 0…d), this one finds it; when none exists, the overload
 * lands in the weeks where it cannot be avoided. Cost O(jobs × weeks).
 */
public final class CapacityPlanner {

    /** A piece of due work. */
    public record Job(long instrumentId, long disciplineId, LocalDate dueOn) {
    }

    /** A job's proposed week (its Monday). */
    public record PlannedJob(long instrumentId, long disciplineId, LocalDate dueOn, LocalDate weekStart,
            boolean overdue) {
    }

    /** One week of one discipline: what is planned against what the lab can do. */
    public record WeekLoad(LocalDate weekStart, long disciplineId, int planned, int capacity) {

        public boolean overCapacity() {
            return planned > capacity;
        }
    }

    /** The plan: a week for every job due within the horizon, and the load of every week and discipline. */
    public record Plan(LocalDate firstWeek, int weeks, List<PlannedJob> jobs, List<WeekLoad> loads) {

        public Plan {
            jobs = List.copyOf(jobs);
            loads = List.copyOf(loads);
        }

        /** The weeks (Mondays) in which some discipline is over capacity. */
        public List<LocalDate> weeksOverCapacity() {
            return loads.stream().filter(WeekLoad::overCapacity).map(WeekLoad::weekStart).distinct().sorted().toList();
        }
    }

    private CapacityPlanner() {
    }

    /**
     * Plans the jobs due before the end of the horizon; jobs due later are left out.
     *
     * @param capacities weekly capacity per discipline id; a discipline without one has capacity 0
     * @throws ScheduleInputException for fewer than one week or a negative capacity
     */
    public static Plan plan(List<Job> jobs, Map<Long, Integer> capacities, LocalDate start, int weeks) {
        if (weeks < 1) {
            throw new ScheduleInputException("weeks", "must be at least 1");
        }
        capacities.forEach((d, c) -> {
            if (c < 0) {
                throw new ScheduleInputException("weeklyCapacity", "must not be negative");
            }
        });
        LocalDate first = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = first.plusWeeks(weeks); // exclusive
        List<Job> ordered = jobs.stream().filter(j -> j.dueOn().isBefore(end))
                .sorted(Comparator.comparing(Job::dueOn).thenComparingLong(Job::instrumentId)).toList();
        Map<Long, int[]> load = new HashMap<>();
        List<PlannedJob> planned = new ArrayList<>(ordered.size());
        for (Job j : ordered) {
            int[] l = load.computeIfAbsent(j.disciplineId(), d -> new int[weeks]);
            int capacity = capacities.getOrDefault(j.disciplineId(), 0);
            int last = j.dueOn().isBefore(first) ? 0 : (int) ChronoUnit.WEEKS.between(first, j.dueOn());
            int best = last;
            for (int w = last - 1; w >= 0; w--) {
                if (capacity - l[w] > capacity - l[best]) {
                    best = w;
                }
            }
            l[best]++;
            planned.add(new PlannedJob(j.instrumentId(), j.disciplineId(), j.dueOn(), first.plusWeeks(best),
                    j.dueOn().isBefore(start)));
        }
        TreeSet<Long> disciplines = new TreeSet<>(load.keySet());
        disciplines.addAll(capacities.keySet());
        List<WeekLoad> loads = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            for (long d : disciplines) {
                int[] l = load.get(d);
                loads.add(new WeekLoad(first.plusWeeks(w), d, l == null ? 0 : l[w], capacities.getOrDefault(d, 0)));
            }
        }
        return new Plan(first, weeks, planned, loads);
    }
}
