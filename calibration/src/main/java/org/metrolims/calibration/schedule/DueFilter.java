package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which due work to list: everything in service that is due on or before {@code horizon} (so the
 * overdue items too), seen on {@code asOf}, narrowed by owner, owner's region subtree (a GB/T 2260 code
 * prefix), discipline, the lab that last performed the calibration, or its technician.
 */
public record DueFilter(LocalDate asOf, LocalDate horizon, Optional<Long> ownerId, Optional<String> regionPrefix,
        Optional<Long> disciplineId, Optional<Long> performerId, Optional<Long> technicianId) {

    public DueFilter {
        if (horizon.isBefore(asOf)) {
            throw new ScheduleInputException("within", "must not be negative");
        }
    }

    public static DueFilter province(LocalDate asOf, LocalDate horizon) {
        return new DueFilter(asOf, horizon, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public DueFilter withOwner(long id) {
        return new DueFilter(asOf, horizon, Optional.of(id), regionPrefix, disciplineId, performerId, technicianId);
    }

    public DueFilter withPerformer(long id) {
        return new DueFilter(asOf, horizon, ownerId, regionPrefix, disciplineId, Optional.of(id), technicianId);
    }
}
