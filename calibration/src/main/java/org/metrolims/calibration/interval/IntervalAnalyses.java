package org.metrolims.calibration.interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interval analysis per instrument type from its as-found history ({@link IntervalAnalysis}), and the
 * technician's decision on the recommendation: accepted, the type's default interval becomes the
 * recommendation (and the due dates that follow it move); accepted or rejected, the decision and its
 * reason go to the audit trail (ISO/IEC 17025 7.11.3) and to the type's decision history.
 */
@Service
public class IntervalAnalyses {

    /** The two decisions a technician can take. */
    public enum Decision { ACCEPTED, REJECTED }

    private final IntervalHistoryRepository repository;
    private final CalibrationSchedules schedules;
    private final AuditTrail audit;

    public IntervalAnalyses(IntervalHistoryRepository repository, CalibrationSchedules schedules, AuditTrail audit) {
        this.repository = repository;
        this.schedules = schedules;
        this.audit = audit;
    }

    /** Analyses the type's history against its current interval at the given reliability target. */
    @Transactional(readOnly = true)
    public IntervalReport analyse(long typeId, double reliabilityTarget) {
        var type = repository.type(typeId).orElseThrow(() -> new NotFound("No instrument type " + typeId));
        List<IntervalObservation> history = repository.history(typeId);
        var result = IntervalAnalysis.analyse(history, type.intervalMonths() * IntervalReport.DAYS_PER_MONTH,
                reliabilityTarget, IntervalAnalysis.DEFAULT_CONFIDENCE);
        TreeMap<Integer, int[]> bins = new TreeMap<>();
        for (IntervalObservation o : history) {
            int[] b = bins.computeIfAbsent((int) Math.round(o.intervalDays() / IntervalReport.DAYS_PER_MONTH),
                    k -> new int[2]);
            b[0]++;
            if (o.inTolerance()) {
                b[1]++;
            }
        }
        // whole months, rounded down (the safe side), at least one and at most twenty years
        Optional<Integer> months = result.recommendedInterval()
                .filter(Double::isFinite)
                .map(d -> (int) Math.max(1, Math.min(240, Math.floor(d / IntervalReport.DAYS_PER_MONTH))));
        return new IntervalReport(type.id(), type.code(), type.nameZh(), type.nameEn(), type.intervalMonths(),
                bins.entrySet().stream().map(e -> new IntervalReport.Bin(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .toList(),
                result, months, repository.decisions(typeId));
    }

    /**
     * Records the technician's decision on the current recommendation (at the default target); an
     * accepted one sets the type's interval to it.
     *
     * @throws NotFound                  for an unknown type
     * @throws Conflict                  when the analysis has no recommendation to decide on
     */
    @Transactional
    public IntervalReport decide(long typeId, Decision decision, String reason, String actor) {
        IntervalReport report = analyse(typeId, IntervalAnalysis.DEFAULT_TARGET);
        int recommended = report.recommendedMonths()
                .orElseThrow(() -> new Conflict("NO_RECOMMENDATION", "There is no recommendation to decide on"));
        String method = report.analysis().source().name();
        repository.recordDecision(typeId, decision.name(), report.currentMonths(), recommended, method, reason, actor);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("defaultIntervalMonths", report.currentMonths());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("defaultIntervalMonths", decision == Decision.ACCEPTED ? recommended : report.currentMonths());
        after.put("decision", decision.name());
        after.put("recommendedMonths", recommended);
        after.put("method", method);
        after.put("results", report.analysis().results());
        after.put("outOfTolerance", report.analysis().outOfTolerance());
        after.put("warnings", report.analysis().warnings().stream().map(Enum::name).toList());
        audit.record(new AuditEntry(actor, decision == Decision.ACCEPTED ? "INTERVAL_ACCEPTED" : "INTERVAL_REJECTED",
                "instrument_type", Long.toString(typeId), AuditJson.object(before), AuditJson.object(after), reason,
                null));
        if (decision == Decision.ACCEPTED && recommended != report.currentMonths()) {
            schedules.setTypeInterval(typeId, recommended);
        }
        return analyse(typeId, IntervalAnalysis.DEFAULT_TARGET);
    }
}
