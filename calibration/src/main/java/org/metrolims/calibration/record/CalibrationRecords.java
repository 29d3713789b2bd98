package org.metrolims.calibration.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Unit;
import org.metrolims.calibration.decision.DecisionRule;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.CalibrationRepository.Inserted;
import org.metrolims.calibration.record.CalibrationRuleException.Reason;
import org.metrolims.calibration.uncertainty.CoverageFactor;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration records and their review workflow (ISO/IEC 17025 7.5, 7.8, 7.11).
 * <ul>
 *   <li>A technician drafts a calibration for his organization: points evaluated by {@link PointEvaluation} (readings
 *       → mean, error, the GUM budget → U, k, p; the decision under the chosen rule), the overall conformity.
 *   <li>The draft's technician edits and submits it. Another technician of the performing organization — never the
 *       performer — approves it, which locks it: an approved record is never edited.
 *   <li>A correction of an approved record is a new revision (n + 1, same number, {@code supersedesId}, a reason)
 *       that goes through the same review; when it is approved, the one it corrects becomes SUPERSEDED — until then
 *       the original stays the record in force. Superseded records stay readable.
 *   <li>Every change is written to the audit trail in the same transaction, with the record before and after;
 *       every change quotes the version it was based on (optimistic locking).
 *   <li>Who sees what: officers and administrators everything; an organization the records it performed or is
 *       the customer of. A record one may not see is reported as not found.
 * </ul>
 */
@Service
public class CalibrationRecords {

    static final String ENTITY = "calibration";

    /** Most points one calibration holds (a real one has a few to a few dozen). */
    public static final int MAX_POINTS = 500;

    /** No calibration, receipt or validity is dated before this day. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** A stated validity ends at most this many years after the calibration. */
    public static final int MAX_VALIDITY_YEARS = 30;

    private final CalibrationRepository repository;
    private final AuditTrail audit;
    private final ReferenceStandardCheck references;
    private final ReferenceOverrideRepository overrides;
    private final WorkRepository work;
    private final Clock clock;

    @Autowired
    public CalibrationRecords(CalibrationRepository repository, AuditTrail audit, ReferenceStandardCheck references,
            ReferenceOverrideRepository overrides, WorkRepository work) {
        this(repository, audit, references, overrides, work, Clock.systemUTC());
    }

    public CalibrationRecords(CalibrationRepository repository, AuditTrail audit, ReferenceStandardCheck references,
            ReferenceOverrideRepository overrides, WorkRepository work, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.references = references;
        this.overrides = overrides;
        this.work = work;
        this.clock = clock;
    }

    /** A technician drafts a calibration performed by his organization. */
    @Transactional
    public Calibration draft(Actor actor, CalibrationDraft draft) {
        requireTechnician(actor);
        NewCalibration row = prepare(actor, draft, null, 1, null, null, new Facts(repository, List.of(draft)));
        List<DocumentedOverride> documented = checkReferences(actor, draft);
        Inserted inserted = repository.insertAll(List.of(row)).getFirst();
        Calibration stored = read(inserted.id());
        audit.record(entry(actor, "CREATE", stored.id(), null, stored, null));
        storeOverrides(actor, stored.id(), documented);
        return stored;
    }

    /**
     * Many drafts at once, all or nothing: the first refused record is thrown, naming itself as
     * {@code records[i].…}. Returns the ids in order. See {@link #ingestChunk} for the per-record report.
     */
    @Transactional
    public List<Long> ingest(Actor actor, List<CalibrationDraft> drafts) {
        IngestReport report = ingestChunk(actor, drafts);
        if (!report.accepted()) {
            IngestReport.Rejection first = report.rejections().getFirst();
            throw new CalibrationInputException("records[" + first.index() + "]." + first.field(), first.message());
        }
        return report.ids();
    }

    /**
     * Bulk ingest of one chunk of drafts (an import, a feed from another system), in the caller's transaction: every
     * record is checked by the same rules as {@link #draft} (units, budgets, decision rules, references); if any is
     * refused, nothing is stored and the report lists each refused record with its field and reason. Otherwise the
     * records are written with a few multi-row statements per table and one audit line each (ISO/IEC 17025 7.11),
     * and the report carries their ids in input order. Instruments, organizations and standards are looked up once
     * for the whole chunk. Callers split large inputs into chunks of about a thousand records, one transaction each.
     */
    @Transactional
    public IngestReport ingestChunk(Actor actor, List<CalibrationDraft> drafts) {
        requireTechnician(actor);
        Facts facts = new Facts(repository, drafts);
        List<NewCalibration> rows = new ArrayList<>(drafts.size());
        List<IngestReport.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            try {
                rows.add(prepare(actor, drafts.get(i), null, 1, null, null, facts));
            } catch (CalibrationInputException e) {
                rejections.add(new IngestReport.Rejection(i, e.field(), e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            return new IngestReport(List.of(), rejections);
        }
        List<Inserted> inserted = repository.insertAll(rows);
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Calibration c = asStored(inserted.get(i));
            entries.add(entry(actor, "CREATE", c.id(), null, c, null));
            ids.add(c.id());
        }
        audit.recordAll(entries);
        return new IngestReport(ids, List.of());
    }

    /** The draft's technician replaces its content. */
    @Transactional
    public Calibration updateDraft(Actor actor, long id, int version, CalibrationDraft draft) {
        Calibration before = writable(actor, id, version);
        requirePerformer(actor, before, "edit");
        requireStatus(before, CalibrationStatus.DRAFT, "edited");
        NewCalibration row = prepare(actor, draft, before.calibrationNo(), before.revision(), before.supersedesId(),
                before.revisionReason(), new Facts(repository, List.of(draft)));
        List<DocumentedOverride> documented = checkReferences(actor, draft);
        if (!repository.replaceDraft(id, version, row)) {
            throw stale(id);
        }
        Calibration after = read(id);
        audit.record(entry(actor, "UPDATE", id, before, after, null));
        storeOverrides(actor, id, documented);
        return after;
    }

    /** The draft's technician submits it for review. */
    @Transactional
    public Calibration submit(Actor actor, long id, int version) {
        Calibration before = writable(actor, id, version);
        requirePerformer(actor, before, "submit");
        requireStatus(before, CalibrationStatus.DRAFT, "submitted");
        // the standards are judged again: a draft saved before a standard was suspended is not submitted with it
        Set<Long> documented = new HashSet<>();
        overrides.of(id).forEach(o -> documented.add(o.standardId()));
        List<UnfitReference> undocumented = references.unfit(before.referenceStandardIds(), before.calibratedOn())
                .stream().filter(u -> !documented.contains(u.standardId())).toList();
        if (!undocumented.isEmpty()) {
            throw new ReferenceStandardsUnfitException(undocumented);
        }
        if (!repository.submit(id, version, clock.instant())) {
            throw stale(id);
        }
        work.clearReturned(id);
        Calibration after = read(id);
        audit.record(entry(actor, "SUBMIT", id, before, after, null));
        return after;
    }

    /**
     * A second technician of the performing organization approves a submitted record, which locks it. Approving
     * a revision supersedes the record it corrects.
     */
    @Transactional
    public Calibration approve(Actor actor, long id, int version) {
        Calibration before = writable(actor, id, version);
        if (before.technicianId() != null && before.technicianId() == actor.userId()) {
            throw new CalibrationRuleException(Reason.SELF_APPROVAL, "reviewerId",
                    "calibration " + before.calibrationNo() + " was performed by you; another technician of "
                            + "the laboratory must review and approve it");
        }
        requireStatus(before, CalibrationStatus.SUBMITTED, "approved");
        Instant now = clock.instant();
        if (!repository.approve(id, version, actor.userId(), now)) {
            throw stale(id);
        }
        Calibration after = read(id);
        audit.record(entry(actor, "APPROVE", id, before, after, null));
        if (after.supersedesId() != null) {
            Calibration old = read(after.supersedesId());
            if (!repository.supersede(old.id())) {
                throw new CalibrationRuleException(Reason.WRONG_STATUS, null, "revision " + old.revision() + " of "
                        + old.calibrationNo() + " is " + old.status() + ", not APPROVED: it cannot be superseded");
            }
            audit.record(entry(actor, "SUPERSEDE", old.id(), old, read(old.id()),
                    "superseded by revision " + after.revision() + ": " + after.revisionReason()));
        }
        return after;
    }

    /** A correction of an approved record: a new draft revision n + 1 with the reason, reviewed like any record. */
    @Transactional
    public Calibration revise(Actor actor, long id, int version, String reason, CalibrationDraft draft) {
        Calibration original = writable(actor, id, version);
        String why = reason(reason, "a correction states its reason");
        if (original.status() == CalibrationStatus.SUPERSEDED || repository.hasNewerRevision(id)) {
            throw new CalibrationRuleException(Reason.ALREADY_REVISED, null, "revision " + original.revision()
                    + " of " + original.calibrationNo() + " already has a newer revision; correct that one");
        }
        if (original.status() != CalibrationStatus.APPROVED) {
            throw new CalibrationRuleException(Reason.WRONG_STATUS, "status", "only an approved record is corrected "
                    + "by a revision; " + original.calibrationNo() + " is " + original.status() + " and can be "
                    + (original.status() == CalibrationStatus.DRAFT ? "edited" : "approved or returned") + " instead");
        }
        // a withdrawn correction keeps its revision number, so the next one takes the number after the highest
        int revision = repository.highestRevision(original.calibrationNo()) + 1;
        NewCalibration row = prepare(actor, draft, original.calibrationNo(), revision, id, why,
                new Facts(repository, List.of(draft)));
        List<DocumentedOverride> documented = checkReferences(actor, draft);
        Calibration stored = read(repository.insertAll(List.of(row)).getFirst().id());
        audit.record(entry(actor, "REVISE", stored.id(), null, stored, why));
        storeOverrides(actor, stored.id(), documented);
        return stored;
    }

    /**
     * A submitted record goes back to its technician as a draft, with the reason (the reviewer's finding, or the
     * technician recalling it before review). Any technician of the performing laboratory may do it.
     */
    @Transactional
    public Calibration returnToDraft(Actor actor, long id, int version, String reason) {
        Calibration before = writable(actor, id, version);
        String why = reason(reason, "returning a record to its technician states the reason");
        requireStatus(before, CalibrationStatus.SUBMITTED, "returned to draft");
        if (!repository.returnToDraft(id, version)) {
            throw stale(id);
        }
        work.markReturned(id, actor.userId(), clock.instant(), why);
        Calibration after = read(id);
        audit.record(entry(actor, "RETURN", id, before, after, why));
        return after;
    }

    /**
     * A record that never became evidence (a draft or a submitted record) is withdrawn with the reason: it stays
     * readable, with its number, and nothing more happens to it. An approved record is never withdrawn; it is
     * corrected by a revision. Any technician of the performing laboratory may withdraw.
     */
    @Transactional
    public Calibration withdraw(Actor actor, long id, int version, String reason) {
        Calibration before = writable(actor, id, version);
        String why = reason(reason, "a withdrawal states its reason");
        if (before.status().locked()) {
            throw new CalibrationRuleException(Reason.LOCKED, "status", "revision " + before.revision() + " of "
                    + before.calibrationNo() + " is " + before.status() + ": approved records are evidence and are "
                    + "never withdrawn; correct it with a new revision");
        }
        if (before.status() == CalibrationStatus.WITHDRAWN) {
            throw new CalibrationRuleException(Reason.WRONG_STATUS, "status", before.calibrationNo()
                    + " is already withdrawn");
        }
        if (!repository.withdraw(id, version)) {
            throw stale(id);
        }
        Calibration after = read(id);
        audit.record(entry(actor, "WITHDRAW", id, before, after, why));
        return after;
    }

    private static String reason(String reason, String missing) {
        if (reason == null || reason.isBlank()) {
            throw new CalibrationInputException("reason", missing);
        }
        if (reason.strip().length() > 500) {
            throw new CalibrationInputException("reason", "at most 500 characters");
        }
        return reason.strip();
    }

    /**
     * Evaluates a draft exactly as {@link #draft} would — points, budgets, decisions, overall conformity — and stores
     * nothing: the live recomputation of the calibration form.
     */
    @Transactional(readOnly = true)
    public List<MeasuredPoint> preview(Actor actor, CalibrationDraft draft) {
        requireTechnician(actor);
        return prepare(actor, draft, null, 1, null, null, new Facts(repository, List.of(draft))).points();
    }

    /** One record, whole, if the actor may see it. */
    @Transactional(readOnly = true)
    public Calibration get(Actor actor, long id) {
        Calibration c = read(id);
        if (!visible(actor, c)) {
            throw new CalibrationNotFoundException(id);
        }
        return c;
    }

    /** A page of the records the actor may see that match the filter. */
    @Transactional(readOnly = true)
    public Page<CalibrationSummary> list(Actor actor, CalibrationFilter filter, PageRequest page) {
        return repository.list(filter, actor.readsAll() ? null : actor.organizationId(), page);
    }

    /**
     * A page of the records the actor may see that match the filter and the search text (number, procedure, the
     * instrument's serial, asset number, manufacturer or model), in the given order.
     */
    @Transactional(readOnly = true)
    public Page<CalibrationSummary> list(Actor actor, CalibrationFilter filter, String text, CalibrationSort sort,
            boolean descending, PageRequest page) {
        return repository.list(filter, actor.readsAll() ? null : actor.organizationId(), text, sort, descending, page);
    }

    /**
     * The revisions of the record's number that the actor may see, oldest first. Each is checked on its own: a
     * correction may name another customer than the revision it corrects, and neither customer sees the other's.
     */
    @Transactional(readOnly = true)
    public List<CalibrationSummary> revisions(Actor actor, long id) {
        return repository.revisions(get(actor, id).calibrationNo()).stream()
                .filter(r -> visible(actor, r.customerOrganizationId(), r.performingOrganizationId())).toList();
    }

    /**
     * Submitted records of the actor's laboratory awaiting review, newest calibration first: never the actor's own
     * (a technician does not review what he performed).
     */
    @Transactional(readOnly = true)
    public Page<CalibrationSummary> reviewQueue(Actor actor, PageRequest page) {
        requireTechnician(actor);
        return repository.list(new CalibrationFilter(null, actor.organizationId(), null, CalibrationStatus.SUBMITTED,
                null, null), actor.organizationId(), actor.userId(), page);
    }

    /** The reference standards the record uses under a documented override, if the actor may see the record. */
    @Transactional(readOnly = true)
    public List<DocumentedOverride> overrides(Actor actor, long id) {
        get(actor, id);
        return overrides.of(id);
    }

    /** What the record refers to, by name, and the reviewer's finding when it was returned. */
    @Transactional(readOnly = true)
    public RecordNames names(Actor actor, long id) {
        get(actor, id);
        return work.names(id).orElseThrow(() -> new CalibrationNotFoundException(id));
    }

    /**
     * The returns, withdrawals, corrections and overrides of the record's revisions that the actor may see, newest
     * first, each with who, when and the reason (from the audit trail).
     */
    @Transactional(readOnly = true)
    public List<RecordEvent> history(Actor actor, long id) {
        List<RecordEvent> events = new ArrayList<>();
        for (CalibrationSummary r : revisions(actor, id)) {
            for (AuditTrail.RecordedAuditEntry e : audit.latestFor(ENTITY, Long.toString(r.id()), 200)) {
                if (RecordEvent.ACTIONS.contains(e.entry().action())) {
                    events.add(new RecordEvent(r.id(), r.revision(), e.entry().action(), e.entry().actor(),
                            e.occurredAt(), e.entry().reason()));
                }
            }
        }
        events.sort(java.util.Comparator.comparing(RecordEvent::at).reversed());
        return events;
    }

    // ---- reference standards fit for use ----

    /**
     * The draft's overrides, checked, for the unfit standards it names; refuses an unfit standard without one.
     * An override of a standard that is fit is not kept (there is nothing to override).
     */
    private List<DocumentedOverride> checkReferences(Actor actor, CalibrationDraft d) {
        Map<Long, String> reasons = new HashMap<>();
        for (int i = 0; i < d.referenceOverrides().size(); i++) {
            ReferenceOverride o = d.referenceOverrides().get(i);
            String field = "referenceOverrides[" + i + "]";
            if (o == null || o.standardId() == null || !d.referenceStandardIds().contains(o.standardId())) {
                throw new CalibrationInputException(field + ".standardId",
                        "an override names one of the reference standards used");
            }
            if (o.reason() == null || o.reason().isBlank()) {
                throw new CalibrationInputException(field + ".reason",
                        "an override states why the standard is used anyway");
            }
            if (o.reason().strip().length() > 500) {
                throw new CalibrationInputException(field + ".reason", "at most 500 characters");
            }
            if (reasons.put(o.standardId(), o.reason().strip()) != null) {
                throw new CalibrationInputException(field + ".standardId", "a standard is overridden twice");
            }
        }
        List<UnfitReference> unfit = references.unfit(d.referenceStandardIds(), d.calibratedOn());
        List<UnfitReference> undocumented = unfit.stream().filter(u -> !reasons.containsKey(u.standardId())).toList();
        if (!undocumented.isEmpty()) {
            throw new ReferenceStandardsUnfitException(undocumented);
        }
        Instant now = clock.instant();
        return unfit.stream().map(u -> new DocumentedOverride(u.standardId(), u.code(), null, null, u.problems(),
                reasons.get(u.standardId()), actor.userId(), actor.username(), now)).toList();
    }

    /** Stores the record's overrides; each new or changed one is an audit line with its reason. */
    private void storeOverrides(Actor actor, long id, List<DocumentedOverride> documented) {
        Map<Long, String> before = new HashMap<>();
        List<DocumentedOverride> stored = overrides.of(id);
        stored.forEach(o -> before.put(o.standardId(), o.reason()));
        if (stored.isEmpty() && documented.isEmpty()) {
            return;
        }
        // an unchanged override keeps who decided it and when
        List<DocumentedOverride> kept = documented.stream().map(o -> stored.stream()
                .filter(s -> s.standardId() == o.standardId() && s.reason().equals(o.reason())
                        && s.problems().equals(o.problems()))
                .findFirst().orElse(o)).toList();
        overrides.replace(id, kept);
        List<AuditEntry> entries = new ArrayList<>();
        for (DocumentedOverride o : documented) {
            if (!o.reason().equals(before.get(o.standardId()))) {
                Map<String, Object> after = new java.util.LinkedHashMap<>();
                after.put("standardId", o.standardId());
                after.put("code", o.code());
                after.put("problems", o.problems().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.joining(",")));
                entries.add(new AuditEntry(actor.username(), "OVERRIDE_REFERENCE", ENTITY, Long.toString(id), null,
                        org.metrolims.db.audit.AuditJson.object(after), o.reason(), null));
            }
        }
        audit.recordAll(entries);
    }

    // ---- rules ----

    private NewCalibration prepare(Actor actor, CalibrationDraft d, String number, int revision, Long supersedesId,
            String reason, Facts facts) {
        if (d == null) {
            throw new CalibrationInputException("body", "the calibration is required");
        }
        InstrumentFacts instrument = facts.instruments.get(d.instrumentId());
        if (instrument == null) {
            throw new CalibrationInputException("instrumentId", "no instrument " + d.instrumentId());
        }
        long customer = d.customerOrganizationId() == null ? instrument.ownerOrganizationId() : d.customerOrganizationId();
        if (!facts.organizations.contains(customer)) {
            throw new CalibrationInputException("customerOrganizationId", "no organization " + customer);
        }
        if (d.procedureCode() == null || d.procedureCode().isBlank()) {
            throw new CalibrationInputException("procedureCode", "the procedure (e.g. JJG 99-2022) is required");
        }
        if (d.procedureCode().strip().length() > 60) {
            throw new CalibrationInputException("procedureCode", "at most 60 characters");
        }
        if (d.procedureCode().chars().anyMatch(Character::isISOControl)) {
            throw new CalibrationInputException("procedureCode", "control characters (NUL, CR, LF, tab …) are not allowed");
        }
        if (d.calibratedOn() == null) {
            throw new CalibrationInputException("calibratedOn", "the date of calibration is required");
        }
        LocalDate latest = LocalDate.now(clock).plusDays(1);
        if (d.calibratedOn().isBefore(EARLIEST_DATE) || d.calibratedOn().isAfter(latest)) {
            throw new CalibrationInputException("calibratedOn", "a date from " + EARLIEST_DATE + " to " + latest
                    + " (a calibration is not dated in the future), got " + d.calibratedOn());
        }
        if (d.receivedOn() != null && d.receivedOn().isBefore(EARLIEST_DATE)) {
            throw new CalibrationInputException("receivedOn", "a date from " + EARLIEST_DATE + ", got " + d.receivedOn());
        }
        if (d.validUntil() != null && d.validUntil().isAfter(d.calibratedOn().plusYears(MAX_VALIDITY_YEARS))) {
            throw new CalibrationInputException("validUntil", "at most " + MAX_VALIDITY_YEARS
                    + " years after the date of calibration, got " + d.validUntil());
        }
        if (d.receivedOn() != null && d.receivedOn().isAfter(d.calibratedOn())) {
            throw new CalibrationInputException("receivedOn", "an item is received on or before it is calibrated");
        }
        if (d.validUntil() != null && d.validUntil().isBefore(d.calibratedOn())) {
            throw new CalibrationInputException("validUntil", "cannot end before the date of calibration");
        }
        if (d.temperatureC() != null && !(d.temperatureC() >= -273.15 && d.temperatureC() <= 1000)) {
            throw new CalibrationInputException("temperatureC", "a temperature in ℃ between −273.15 and 1000");
        }
        if (d.relativeHumidityPct() != null && !(d.relativeHumidityPct() >= 0 && d.relativeHumidityPct() <= 100)) {
            throw new CalibrationInputException("relativeHumidityPct", "a relative humidity between 0 and 100 %");
        }
        if (d.referenceStandardIds().isEmpty()) {
            throw new CalibrationInputException("referenceStandardIds",
                    "name the measurement standards used: they are the calibration's traceability");
        }
        if (new HashSet<>(d.referenceStandardIds()).size() != d.referenceStandardIds().size()) {
            throw new CalibrationInputException("referenceStandardIds", "a standard is named twice");
        }
        for (Long s : d.referenceStandardIds()) {
            if (s == null || !facts.standards.contains(s)) {
                throw new CalibrationInputException("referenceStandardIds", "no measurement standard " + s);
            }
        }
        double p = d.coverageProbability() == null ? CoverageFactor.DEFAULT_PROBABILITY : d.coverageProbability();
        if (!(p > 0 && p < 1)) {
            throw new CalibrationInputException("coverageProbability", "a probability strictly between 0 and 1");
        }
        if (java.math.BigDecimal.valueOf(p).stripTrailingZeros().scale() > 4) {
            // stored with four decimals: 0.99999 would be kept as 1
            throw new CalibrationInputException("coverageProbability", "at most four decimals (e.g. 0.9545), got " + p);
        }
        DecisionRule rule = rule(d.decisionRule(), d.decisionRuleMultiplier());
        if (d.points().isEmpty()) {
            throw new CalibrationInputException("points", "a calibration has at least one point");
        }
        if (d.points().size() > MAX_POINTS) {
            throw new CalibrationInputException("points", "a calibration has at most " + MAX_POINTS + " points, got "
                    + d.points().size());
        }
        Unit<?> quantityUnit = facts.quantityUnit(instrument);
        List<MeasuredPoint> points = new ArrayList<>(d.points().size());
        for (int i = 0; i < d.points().size(); i++) {
            if (d.points().get(i) == null) {
                throw new CalibrationInputException("points[" + i + "]", "a point is required");
            }
            points.add(PointEvaluation.evaluate(i, d.points().get(i), quantityUnit, rule, p));
        }
        Conformity overall = Conformity.overall(points.stream().map(MeasuredPoint::conformity).toList());
        return new NewCalibration(number, actor.organizationCode(), revision, supersedesId, reason,
                actor.organizationId(), actor.userId(), customer, d, rule == null ? null : rule.code(),
                rule == null ? null : rule.multiplier(), p, overall, points);
    }

    static DecisionRule rule(DecisionRuleCode code, Double multiplier) {
        if (code == null) {
            return null;
        }
        if (code.takesMultiplier() && (multiplier == null || !(multiplier > 0) || multiplier.isInfinite())) {
            throw new CalibrationInputException("decisionRuleMultiplier",
                    "the rule " + code + " needs its guard-band multiplier r > 0 (w = r·U)");
        }
        if (multiplier != null && multiplier > 100) {
            throw new CalibrationInputException("decisionRuleMultiplier",
                    "a guard-band multiplier is at most 100, got " + multiplier);
        }
        try {
            return DecisionRule.of(code, multiplier == null ? 0 : multiplier);
        } catch (IllegalArgumentException e) {
            throw new CalibrationInputException("decisionRuleMultiplier", e.getMessage());
        }
    }

    private Calibration writable(Actor actor, long id, int version) {
        Calibration c = get(actor, id);
        if (!actor.technician() || c.performingOrganizationId() == null
                || c.performingOrganizationId() != actor.organizationId()) {
            throw new Forbidden(CalibrationRuleException.NOT_PERMITTED, null,
                    "only technicians of the performing laboratory change its calibration records");
        }
        if (c.status().locked() && c.version() == version) {
            return c; // revise starts from a locked record; the other steps refuse it in requireStatus
        }
        if (c.version() != version) {
            throw stale(id);
        }
        return c;
    }

    private static void requirePerformer(Actor actor, Calibration c, String what) {
        if (c.technicianId() == null || c.technicianId() != actor.userId()) {
            throw new Forbidden(CalibrationRuleException.NOT_PERMITTED, null,
                    "only the technician who performed " + c.calibrationNo() + " may " + what + " it");
        }
    }

    private static void requireStatus(Calibration c, CalibrationStatus wanted, String verb) {
        if (c.status() == wanted) {
            return;
        }
        if (c.status().locked()) {
            throw new CalibrationRuleException(Reason.LOCKED, "status", "revision " + c.revision() + " of "
                    + c.calibrationNo() + " is " + c.status() + " and locked; a correction is a new revision");
        }
        throw new CalibrationRuleException(Reason.WRONG_STATUS, "status", c.calibrationNo() + " is " + c.status()
                + "; only a " + wanted + " record can be " + verb);
    }

    private static void requireTechnician(Actor actor) {
        if (!actor.technician()) {
            throw new Forbidden(CalibrationRuleException.NOT_PERMITTED, null, "only technicians record calibrations");
        }
    }

    private static boolean visible(Actor actor, Calibration c) {
        return visible(actor, c.customerOrganizationId(), c.performingOrganizationId());
    }

    private static boolean visible(Actor actor, long customer, Long performer) {
        return actor.readsAll() || customer == actor.organizationId()
                || performer != null && performer == actor.organizationId();
    }

    private static CalibrationRuleException stale(long id) {
        return new CalibrationRuleException(Reason.STALE_VERSION, "version",
                "calibration " + id + " was changed by someone else; reload it and apply the change again");
    }

    private Calibration read(long id) {
        return repository.find(id).orElseThrow(() -> new CalibrationNotFoundException(id));
    }

    private static AuditEntry entry(Actor actor, String action, long id, Calibration before, Calibration after,
            String reason) {
        return new AuditEntry(actor.username(), action, ENTITY, Long.toString(id),
                before == null ? null : CalibrationJson.of(before), after == null ? null : CalibrationJson.of(after),
                reason, null);
    }

    private static Calibration asStored(Inserted inserted) {
        NewCalibration c = inserted.stored();
        CalibrationDraft d = c.draft();
        return new Calibration(inserted.id(), inserted.calibrationNo(), c.revision(), c.supersedesId(),
                c.revisionReason(), d.instrumentId(), c.customerOrganizationId(), c.performingOrganizationId(),
                d.procedureCode().strip(), d.receivedOn(), d.calibratedOn(), d.validUntil(), c.technicianId(), null,
                null, null, CalibrationStatus.DRAFT, d.temperatureC(), d.relativeHumidityPct(), d.asFound(), d.asLeft(),
                c.decisionRule(), c.decisionRuleMultiplier(), c.coverageProbability(), c.conformity(), 0,
                d.referenceStandardIds(), c.points());
    }

    /** What the drafts refer to, looked up once for all of them. */
    private static final class Facts {
        final Map<Long, InstrumentFacts> instruments;
        final Set<Long> organizations;
        final Set<Long> standards;
        final Map<String, Unit<?>> units = new HashMap<>();

        Facts(CalibrationRepository repository, List<CalibrationDraft> drafts) {
            Set<Long> instrumentIds = new LinkedHashSet<>();
            Set<Long> standardIds = new LinkedHashSet<>();
            for (CalibrationDraft d : drafts) {
                if (d != null) {
                    instrumentIds.add(d.instrumentId());
                    d.referenceStandardIds().stream().filter(s -> s != null).forEach(standardIds::add);
                }
            }
            instruments = instrumentIds.isEmpty() ? Map.of() : repository.instruments(instrumentIds);
            Set<Long> orgIds = new LinkedHashSet<>();
            instruments.values().forEach(i -> orgIds.add(i.ownerOrganizationId()));
            drafts.stream().filter(d -> d != null && d.customerOrganizationId() != null)
                    .forEach(d -> orgIds.add(d.customerOrganizationId()));
            organizations = orgIds.isEmpty() ? Set.of() : repository.existingOrganizations(orgIds);
            standards = standardIds.isEmpty() ? Set.of() : repository.existingStandards(standardIds);
        }

        Unit<?> quantityUnit(InstrumentFacts instrument) {
            return units.computeIfAbsent(instrument.quantitySiUnit(), u -> Units.parse(u, "instrumentId"));
        }
    }
}
