package org.metrolims.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo province's schedules: the schedule table rebuilt from the loaded calibrations (the triggers
 * keep it during the load too; the rebuild makes it independent of the load's order), and every
 * performing lab's weekly capacity per discipline, deterministic in the seed, so that the due list, the
 * plans with their over-capacity weeks and the interval analyses show at once. Instrument types carry their
 * catalogue intervals from the core province, and the calibrations their as-found results.
 */
@Component
@Order(60)
class ScheduleDemoExtension implements DemoProvinceExtension {

    private final CalibrationSchedules schedules;
    private final ScheduleDemoRepository repository;

    ScheduleDemoExtension(CalibrationSchedules schedules, ScheduleDemoRepository repository) {
        this.schedules = schedules;
        this.repository = repository;
    }

    @Override
    public Map<String, Long> extend(DemoSettings settings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("calibration_schedule", (long) schedules.refreshAll());
        counts.put("lab_capacity", (long) repository.capacities(settings.anchorDate(), settings.seed()));
        return counts;
    }
}
