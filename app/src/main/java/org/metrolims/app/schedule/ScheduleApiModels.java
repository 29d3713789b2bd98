package org.metrolims.app.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.metrolims.calibration.schedule.CapacityPlanner;

/** Request and response bodies of the schedule API. */
final class ScheduleApiModels {

    private ScheduleApiModels() {
    }

    record CapacityRequest(Integer weeklyCapacity) {
    }

    record IntervalRequest(Integer intervalMonths) {
    }

    record DecisionRequest(String decision, String reason) {
    }

    record PlanResponse(long labId, LocalDate firstWeek, int weeks, Map<Long, Integer> capacities,
            List<CapacityPlanner.WeekLoad> loads, List<LocalDate> weeksOverCapacity,
            List<CapacityPlanner.PlannedJob> jobs) {

        static PlanResponse of(long labId, Map<Long, Integer> capacities, CapacityPlanner.Plan plan) {
            return new PlanResponse(labId, plan.firstWeek(), plan.weeks(), capacities, plan.loads(),
                    plan.weeksOverCapacity(), plan.jobs());
        }
    }
}
