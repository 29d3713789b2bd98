package org.metrolims.calibration.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void levelsABunchOfWorkDueTheSameWeekOverTheWeeksBeforeIt() {
        List<CapacityPlanner.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(new CapacityPlanner.Job(i, 1, MONDAY.plusWeeks(3).plusDays(2)));
        }
        var plan = CapacityPlanner.plan(jobs, Map.of(1L, 2), MONDAY.plusDays(1), 4);
        assertThat(plan.firstWeek()).isEqualTo(MONDAY);
        assertThat(plan.loads()).extracting(CapacityPlanner.WeekLoad::planned).containsExactly(2, 2, 2, 2);
        assertThat(plan.weeksOverCapacity()).isEmpty();
        assertThat(plan.jobs()).allSatisfy(j -> assertThat(j.weekStart()).isBeforeOrEqualTo(j.dueOn()));
    }

    @Test
    void neverPlansAfterTheDueDateAndKeepsWorkCloseToIt() {
        var jobs = List.of(new CapacityPlanner.Job(1, 1, MONDAY.plusDays(3)),
                new CapacityPlanner.Job(2, 1, MONDAY.plusWeeks(2).plusDays(4)));
        var plan = CapacityPlanner.plan(jobs, Map.of(1L, 5), MONDAY, 4);
        assertThat(plan.jobs()).extracting(CapacityPlanner.PlannedJob::weekStart)
                .containsExactly(MONDAY, MONDAY.plusWeeks(2));
    }

    @Test
    void overdueWorkGoesInTheFirstWeekAndShowsTheOverload() {
        var jobs = List.of(new CapacityPlanner.Job(1, 1, MONDAY.minusDays(10)),
                new CapacityPlanner.Job(2, 1, MONDAY.minusDays(3)),
                new CapacityPlanner.Job(3, 1, MONDAY.minusDays(1)),
                new CapacityPlanner.Job(4, 2, MONDAY.plusWeeks(1)));
        var plan = CapacityPlanner.plan(jobs, Map.of(1L, 2, 2L, 1), MONDAY, 2);
        assertThat(plan.jobs()).filteredOn(j -> j.disciplineId() == 1)
                .allSatisfy(j -> assertThat(j.weekStart()).isEqualTo(MONDAY))
                .allSatisfy(j -> assertThat(j.overdue()).isTrue());
        assertThat(plan.weeksOverCapacity()).containsExactly(MONDAY);
        assertThat(plan.loads()).filteredOn(l -> l.disciplineId() == 1 && l.weekStart().equals(MONDAY))
                .singleElement().satisfies(l -> assertThat(l.planned()).isEqualTo(3));
    }

    @Test
    void findsAPlanWithinCapacityWheneverOneExists() {
        // capacity 1/week; due weeks 0,1,1,3,3,3 → prefix demand 1,3,3,6 vs capacity 1,2,3,4: infeasible at week 1
        // and week 3; with due weeks 0,1,2,3 it is feasible and must come out level at 1 per week.
        var feasible = List.of(new CapacityPlanner.Job(1, 1, MONDAY.plusWeeks(3)),
                new CapacityPlanner.Job(2, 1, MONDAY.plusWeeks(3)), new CapacityPlanner.Job(3, 1, MONDAY.plusWeeks(1)),
                new CapacityPlanner.Job(4, 1, MONDAY));
        var plan = CapacityPlanner.plan(feasible, Map.of(1L, 1), MONDAY, 4);
        assertThat(plan.weeksOverCapacity()).isEmpty();
        assertThat(plan.loads()).extracting(CapacityPlanner.WeekLoad::planned).containsExactly(1, 1, 1, 1);
    }

    @Test
    void leavesOutWorkDueAfterTheHorizonAndRejectsANegativeCapacity() {
        var plan = CapacityPlanner.plan(List.of(new CapacityPlanner.Job(1, 1, MONDAY.plusWeeks(12))), Map.of(1L, 1),
                MONDAY, 12);
        assertThat(plan.jobs()).isEmpty();
        assertThatThrownBy(() -> CapacityPlanner.plan(List.of(), Map.of(1L, -1), MONDAY, 4))
                .isInstanceOfSatisfying(ScheduleInputException.class,
                        e -> assertThat(e.field()).isEqualTo("weeklyCapacity"));
    }
}
