package org.metrolims.calibration.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration schedules: due dates of every instrument and item of a standard's equipment, due lists,
 * the intervals set by procedure and by standard, lab capacities and the capacity plan.
 *
 * <p>An instrument's interval is, first found of: set by hand on the instrument, on its standard, on
 * its last calibration's procedure, its type's default. Its due date is the earlier of the last
 * approved calibration's stated validity and calibration date + interval. The due date is the last
 * day the calibration is valid: the instrument is overdue from the day after.
 *
 * <p>Every method that refreshes the rows marked stale first runs at READ COMMITTED, so that the refresh reads the
 * committed calibrations without locking them and never waits for (nor deadlocks with) a calibration being written
 * (see {@code ScheduleRepository.refreshMarked}). Safe for the records: these methods write only the schedule, a
 * cache derived from the calibrations, and the audit lines of their own changes; no evidence is read here to
 * decide what is written to evidence. Called inside a caller's transaction, they run at the caller's level.
 */
@Service
public class CalibrationSchedules {

    private final ScheduleRepository repository;
    private final AuditTrail audit;

    public CalibrationSchedules(ScheduleRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /**
     * Whether the measurement standard is overdue for calibration on {@code date}: some item of its
     * in-service equipment has no approved calibration on or before that date, or its latest one
     * had expired (due date before {@code date}). A standard with no equipment registered is never
     * overdue. Evaluated as of {@code date} from the calibrations themselves, so any past date may be
     * asked. An overdue standard breaks every traceability chain that runs through it.
     */
    @Transactional(readOnly = true)
    public boolean isStandardOverdue(long standardId, LocalDate date) {
        return !repository.overdueStandards(List.of(standardId), date).isEmpty();
    }

    /** The standards among {@code standardIds} that are overdue on {@code date}, in one query (see {@link #isStandardOverdue}). */
    @Transactional(readOnly = true)
    public Set<Long> overdueStandards(Collection<Long> standardIds, LocalDate date) {
        return repository.overdueStandards(standardIds, date);
    }

    /** The due list, earliest due first (after refreshing the rows marked stale). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Page<DueItem> due(DueFilter filter, PageRequest page) {
        repository.refreshMarked();
        return repository.due(filter, null, DueSort.DUE_ON, false, page);
    }

    /**
     * The due list narrowed by a search on the serial or asset number ({@code text}, null for none), in the given
     * order (after refreshing the rows marked stale).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Page<DueItem> due(DueFilter filter, String text, DueSort sort, boolean descending, PageRequest page) {
        repository.refreshMarked();
        return repository.due(filter, text, sort, descending, page);
    }

    /**
     * Refreshes the schedule rows of the instruments whose calibrations or details changed since they were
     * last computed (the V6 triggers mark them); returns how many. Every reader here calls it first.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int refreshStale() {
        return repository.refreshMarked();
    }

    /** Current assessment certificates of active standards expiring on or before {@code horizon}. */
    @Transactional(readOnly = true)
    public List<ExpiringCertificate> expiringCertificates(LocalDate horizon, Optional<Long> ownerId) {
        return repository.expiringCertificates(horizon, ownerId);
    }

    /** The capacity plan of a performing lab over {@code weeks} weeks from the week of {@code start}. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public CapacityPlanner.Plan plan(long labId, LocalDate start, int weeks) {
        requireLab(labId);
        if (weeks < 1 || weeks > 104) {
            throw new ScheduleInputException("weeks", "must be between 1 and 104");
        }
        LocalDate lastDay = start.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .plusWeeks(weeks).minusDays(1);
        repository.refreshMarked();
        List<CapacityPlanner.Job> jobs = repository.jobs(DueFilter.province(start, lastDay).withPerformer(labId));
        return CapacityPlanner.plan(jobs, repository.capacities(labId), start, weeks);
    }

    @Transactional(readOnly = true)
    public Map<Long, Integer> capacities(long labId) {
        requireLab(labId);
        return repository.capacities(labId);
    }

    /** Sets a lab's weekly capacity in a discipline (calibrations per week, 0 or more), audited. */
    @Transactional
    public void setCapacity(long labId, long disciplineId, int weekly, String actor) {
        requireLab(labId);
        if (weekly < 0) {
            throw new ScheduleInputException("weeklyCapacity", "must not be negative");
        }
        Integer before = repository.capacities(labId).get(disciplineId);
        repository.setCapacity(labId, disciplineId, weekly, actor);
        audit.record(new AuditEntry(actor, "UPDATE", "lab_capacity", labId + "/" + disciplineId,
                before == null ? null : AuditJson.object(Map.of("weeklyCapacity", before)),
                AuditJson.object(Map.of("weeklyCapacity", weekly)), null, null));
    }

    /** Sets the interval of a calibration procedure and moves the due dates that follow it, audited. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int setProcedureInterval(String procedureCode, int months, String actor) {
        if (procedureCode == null || procedureCode.isBlank()) {
            throw new ScheduleInputException("procedureCode", "must not be blank");
        }
        checkMonths(months);
        repository.refreshMarked();
        Optional<Integer> before = repository.procedureInterval(procedureCode);
        int moved = repository.setProcedureInterval(procedureCode.strip(), months, actor);
        audit.record(new AuditEntry(actor, "UPDATE", "procedure_interval", procedureCode.strip(),
                before.map(b -> AuditJson.object(Map.of("intervalMonths", b))).orElse(null),
                AuditJson.object(Map.of("intervalMonths", months)), null, null));
        return moved;
    }

    /** Sets (or with empty, clears) the interval set by hand on a standard's equipment, audited. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int setStandardInterval(long standardId, Optional<Integer> months, String actor) {
        repository.standardOwner(standardId).orElseThrow(
                () -> new NotFound("No measurement standard " + standardId));
        months.ifPresent(CalibrationSchedules::checkMonths);
        repository.refreshMarked();
        Optional<Integer> before = repository.standardInterval(standardId);
        int moved = repository.setStandardInterval(standardId, months.orElse(null));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("calibrationIntervalMonths", before.orElse(null));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("calibrationIntervalMonths", months.orElse(null));
        audit.record(new AuditEntry(actor, "UPDATE", "measurement_standard", Long.toString(standardId),
                AuditJson.object(b), AuditJson.object(a), "calibration interval", null));
        return moved;
    }

    /**
     * Sets an instrument type's default interval and moves the due dates that follow it. The caller
     * audits (interval analysis records the decision with its reason).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int setTypeInterval(long typeId, int months) {
        checkMonths(months);
        repository.typeInterval(typeId).orElseThrow(() -> new NotFound("No instrument type " + typeId));
        repository.refreshMarked();
        return repository.setTypeInterval(typeId, months);
    }

    @Transactional(readOnly = true)
    public Optional<Integer> typeInterval(long typeId) {
        return repository.typeInterval(typeId);
    }

    /** Rebuilds every schedule row (after a bulk load, or daily before the recall job); returns the row count. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int refreshAll() {
        return repository.refreshAll();
    }

    /** Throws {@link NotFound} for an unknown organization. */
    @Transactional(readOnly = true)
    public void requireLab(long labId) {
        if (!repository.organizationExists(labId)) {
            throw new NotFound("No lab " + labId);
        }
    }

    private static void checkMonths(int months) {
        if (months < 1) {
            throw new ScheduleInputException("intervalMonths", "must be at least 1 month");
        }
        if (months > 240) {
            throw new ScheduleInputException("intervalMonths", "must be at most 240 months");
        }
    }
}
