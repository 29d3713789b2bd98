package org.metrolims.calibration.procedure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.Calibration;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationInputException;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.record.TemplatePoints;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.audit.AuditEntry;
import org.metrolims.db.audit.AuditJson;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.Forbidden;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procedure templates of an organization (ISO/IEC 17025 7.2: the methods a laboratory uses, kept under its control).
 * <ul>
 *   <li>A template belongs to the organization of the technician who creates it; only that organization's users see
 *       it, and only its technicians create, revise and retire it. Another organization's template is not found,
 *       for reads and writes alike.
 *   <li>A revision writes a new version (n + 1) and makes it current; the versions before stay as they were, and a
 *       calibration keeps naming the version it was drafted from. A retired template is no longer offered nor
 *       revised, and stays readable. Each change quotes the version it was based on (optimistic locking).
 *   <li>The points are checked by the rules a calibration's points are evaluated with ({@link TemplatePoints}), so a
 *       template never pre-fills what the calibration would refuse once readings are typed.
 *   <li>Every create, revision and retirement is an audit line (who, when, before, after) in the same transaction.
 * </ul>
 */
@Service
public class ProcedureTemplates {

    static final String ENTITY = "procedure_template";

    /** Most templates one picker lists. */
    public static final int MAX_OPTIONS = 20;

    private final ProcedureRepository repository;
    private final AuditTrail audit;
    private final CalibrationRecords records;
    private final Clock clock;

    @Autowired
    public ProcedureTemplates(ProcedureRepository repository, AuditTrail audit, CalibrationRecords records) {
        this(repository, audit, records, Clock.systemUTC());
    }

    ProcedureTemplates(ProcedureRepository repository, AuditTrail audit, CalibrationRecords records, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.records = records;
        this.clock = clock;
    }

    /** A technician writes a new template (version 1) for his organization. */
    @Transactional
    public ProcedureTemplate create(Actor actor, ProcedureDraft draft) {
        requireTechnician(actor);
        String code = code(draft);
        ProcedureDraft checked = check(draft, code);
        if (repository.codeTaken(actor.organizationId(), code)) {
            throw new ProcedureInputException("code", "your organization already has a template " + code
                    + "; revise it instead");
        }
        long id = repository.insertTemplate(actor.organizationId(), code);
        repository.insertVersion(id, 1, checked, actor.username());
        ProcedureTemplate stored = read(id);
        audit.record(entry(actor, "CREATE", stored, null, stored.current(), checked.changeNote()));
        return stored;
    }

    /** A technician writes version n + 1, based on version n (else a conflict: someone revised it first). */
    @Transactional
    public ProcedureTemplate revise(Actor actor, long id, int basedOn, ProcedureDraft draft) {
        ProcedureTemplate before = writable(actor, id, basedOn);
        if (draft != null && draft.code() != null && !draft.code().strip().equals(before.code())) {
            throw new ProcedureInputException("code", "the code of a template does not change (" + before.code()
                    + "); a revised regulation is a new template");
        }
        ProcedureDraft checked = check(draft, before.code());
        int next = basedOn + 1;
        if (!repository.advance(id, basedOn, next)) {
            throw stale(id);
        }
        repository.insertVersion(id, next, checked, actor.username());
        ProcedureTemplate after = read(id);
        audit.record(entry(actor, "REVISE", after, before.current(), after.current(), checked.changeNote()));
        return after;
    }

    /** A technician retires a template: it is no longer offered nor revised; it and its versions stay readable. */
    @Transactional
    public ProcedureTemplate retire(Actor actor, long id, int basedOn, String reason) {
        ProcedureTemplate before = writable(actor, id, basedOn);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw new ProcedureInputException("reason", "at most 500 characters");
        }
        if (!repository.retire(id, basedOn, LocalDateTime.now(clock))) {
            throw stale(id);
        }
        ProcedureTemplate after = read(id);
        audit.record(entry(actor, "RETIRE", after, before.current(), after.current(), why));
        return after;
    }

    /** A template with all its versions, if it is the actor's organization's. */
    @Transactional(readOnly = true)
    public ProcedureTemplate get(Actor actor, long id) {
        ProcedureTemplate t = repository.find(id).orElseThrow(() -> new ProcedureNotFoundException(Long.toString(id)));
        if (t.organizationId() != actor.organizationId()) {
            throw new ProcedureNotFoundException(Long.toString(id));
        }
        return t;
    }

    /** A page of the actor's organization's templates (retired ones too when asked), matching the text. */
    @Transactional(readOnly = true)
    public Page<ProcedureSummary> list(Actor actor, String text, boolean includeRetired, ProcedureSort sort,
            boolean descending, PageRequest page) {
        return repository.list(actor.organizationId(), text, includeRetired, sort == null ? ProcedureSort.CODE : sort,
                descending, page);
    }

    /** The current versions of the templates in use that a new calibration may follow, by code or title. */
    @Transactional(readOnly = true)
    public List<ProcedureVersion> options(Actor actor, String text) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        return repository.currentVersions(actor.organizationId(), text, MAX_OPTIONS);
    }

    /** The instrument types a template may be for. */
    @Transactional(readOnly = true)
    public List<InstrumentTypeChoice> instrumentTypes() {
        return repository.instrumentTypes();
    }

    /**
     * Drafts a calibration from a template version, in one transaction: the version must be the current one of a
     * template of the actor's organization in use (else 400 naming {@code procedureVersionId}), and the draft's
     * procedure code its template's code (else 400 naming {@code procedureCode}). The record keeps naming the version.
     */
    @Transactional
    public Calibration draftCalibration(Actor actor, CalibrationDraft draft, long versionId) {
        ProcedureTemplate t = repository.templateOf(versionId).flatMap(repository::find)
                .filter(x -> x.organizationId() == actor.organizationId())
                .orElseThrow(() -> new CalibrationInputException("procedureVersionId",
                        "no procedure template version " + versionId));
        if (t.retired() || t.current().id() != versionId) {
            throw new CalibrationInputException("procedureVersionId", t.code() + " has a newer version ("
                    + t.currentVersion() + ") or is retired; pick the procedure again");
        }
        if (draft != null && (draft.procedureCode() == null || !draft.procedureCode().strip().equals(t.code()))) {
            throw new CalibrationInputException("procedureCode", "the record follows " + t.code()
                    + " (the template picked); its procedure code is " + t.code());
        }
        Calibration c = records.draft(actor, draft);
        repository.link(c.id(), versionId);
        audit.record(new AuditEntry(actor.username(), "USE_PROCEDURE", "calibration", Long.toString(c.id()), null,
                AuditJson.object(Map.of("procedureTemplateId", t.id(), "procedureVersionId", versionId,
                        "code", t.code(), "versionNo", t.currentVersion())), null, null));
        return c;
    }

    /**
     * The template version a calibration was drafted from, if any. The caller has already checked that the actor may
     * see the calibration (a customer sees which version was followed, not the template itself).
     */
    @Transactional(readOnly = true)
    public Optional<ProcedureUse> usedBy(long calibrationId) {
        return repository.use(calibrationId);
    }

    // ---- rules ----

    private static String code(ProcedureDraft d) {
        if (d == null) {
            throw new ProcedureInputException("body", "the procedure template is required");
        }
        String code = d.code() == null ? "" : d.code().strip();
        if (code.isEmpty()) {
            throw new ProcedureInputException("code", "the JJG/JJF code (e.g. JJG 30-2012) is required");
        }
        if (code.length() > 60) {
            throw new ProcedureInputException("code", "at most 60 characters");
        }
        if (code.chars().anyMatch(Character::isISOControl)) {
            throw new ProcedureInputException("code", "control characters (NUL, CR, LF, tab …) are not allowed");
        }
        return code;
    }

    private ProcedureDraft check(ProcedureDraft d, String code) {
        if (d == null) {
            throw new ProcedureInputException("body", "the procedure template is required");
        }
        String title = text(d.title(), "title", 200, true);
        if (d.instrumentTypeId() == null) {
            throw new ProcedureInputException("instrumentTypeId", "the instrument type the procedure is for is required");
        }
        ProcedureRepository.InstrumentTypeFacts type = repository.instrumentType(d.instrumentTypeId())
                .orElseThrow(() -> new ProcedureInputException("instrumentTypeId",
                        "no instrument type " + d.instrumentTypeId()));
        String unit = text(d.unit(), "unit", 32, true);
        String note = text(d.changeNote(), "changeNote", 500, false);
        if (d.decisionRuleMultiplier() != null) {
            scale(d.decisionRuleMultiplier(), "decisionRuleMultiplier", 4);
        }
        for (int i = 0; i < d.points().size(); i++) {
            PointInput p = d.points().get(i);
            if (p == null) {
                continue; // TemplatePoints names it
            }
            String at = "points[" + i + "]";
            scale(p.nominal(), at + ".nominal", 12);
            scale(p.tolerance(), at + ".tolerance", 12);
            if (p.unit() != null && p.unit().strip().length() > 32) {
                throw new ProcedureInputException(at + ".unit", "at most 32 characters");
            }
            if (p.toleranceUnit() != null && p.toleranceUnit().strip().length() > 32) {
                throw new ProcedureInputException(at + ".toleranceUnit", "at most 32 characters");
            }
            if (!p.correlations().isEmpty()) {
                throw new ProcedureInputException(at + ".correlations",
                        "a template's budget has no correlations; enter them in the calibration");
            }
            for (int j = 0; j < p.components().size(); j++) {
                ComponentInput c = p.components().get(j);
                if (c == null) {
                    continue;
                }
                String cat = at + ".components[" + j + "]";
                scale(c.standardUncertainty(), cat + ".standardUncertainty", 12);
                scale(c.halfWidth(), cat + ".halfWidth", 12);
                scale(c.expandedUncertainty(), cat + ".expandedUncertainty", 12);
                scale(c.sensitivity(), cat + ".sensitivity", 12);
                scale(c.coverageFactor(), cat + ".coverageFactor", 3);
                scale(c.dof(), cat + ".dof", 3);
                if (c.distribution() != null && c.distribution().length() > 16) {
                    throw new ProcedureInputException(cat + ".distribution",
                            "normal, rectangular, triangular or u-shaped");
                }
            }
        }
        List<PointInput> points = TemplatePoints.check(d.points(), type.quantitySiUnit(), d.decisionRule(),
                d.decisionRuleMultiplier());
        try {
            // the default unit obeys the points' rules: a known unit of the quantity's dimension
            TemplatePoints.check(List.of(new PointInput(1, unit, null, null, null,
                    List.of(ComponentInput.expanded("unit", 1, 2)))), type.quantitySiUnit(), null, null);
        } catch (CalibrationInputException e) {
            throw new ProcedureInputException("unit", e.getMessage());
        }
        return new ProcedureDraft(code, title, d.instrumentTypeId(), unit, d.decisionRule(),
                d.decisionRule() != null && d.decisionRule().takesMultiplier() ? d.decisionRuleMultiplier() : null,
                note, points);
    }

    private static String text(String value, String field, int max, boolean required) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new ProcedureInputException(field, "is required");
            }
            return null;
        }
        if (s.length() > max) {
            throw new ProcedureInputException(field, "at most " + max + " characters");
        }
        if (s.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r')) {
            throw new ProcedureInputException(field, "control characters (NUL, tab …) are not allowed");
        }
        return s;
    }

    /** A number is stored with a fixed count of decimals; one that would be rounded is refused, never changed. */
    private static void scale(Double v, String field, int decimals) {
        if (v == null || !Double.isFinite(v)) {
            return; // the evaluation names non-finite numbers
        }
        if (BigDecimal.valueOf(v).stripTrailingZeros().scale() > decimals) {
            throw new ProcedureInputException(field, "at most " + decimals + " decimals, got " + v);
        }
    }

    private ProcedureTemplate writable(Actor actor, long id, int basedOn) {
        requireTechnician(actor);
        ProcedureTemplate t = get(actor, id);
        if (t.retired()) {
            throw new Conflict("RETIRED", t.code() + " is retired; its versions stay readable but it is not revised");
        }
        if (t.currentVersion() != basedOn) {
            throw stale(id);
        }
        return t;
    }

    private static void requireTechnician(Actor actor) {
        if (!actor.technician()) {
            throw new Forbidden("NOT_PERMITTED", null, "procedure templates are kept by the technicians of the institute");
        }
    }

    private static Conflict stale(long id) {
        return new Conflict(Conflict.STALE_VERSION, "procedure template " + id
                + " was revised by someone else; reload it and apply the change again");
    }

    private ProcedureTemplate read(long id) {
        return repository.find(id).orElseThrow(() -> new ProcedureNotFoundException(Long.toString(id)));
    }

    private static AuditEntry entry(Actor actor, String action, ProcedureTemplate t, ProcedureVersion before,
            ProcedureVersion after, String reason) {
        return new AuditEntry(actor.username(), action, ENTITY, Long.toString(t.id()),
                before == null ? null : json(t, before, false), json(t, after, t.retired()), reason, null);
    }

    /** A version's whole content as the audit line keeps it. */
    static String json(ProcedureTemplate t, ProcedureVersion v, boolean retired) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("templateId", t.id());
        m.put("organizationId", t.organizationId());
        m.put("code", t.code());
        m.put("retired", retired);
        m.put("versionId", v.id());
        m.put("versionNo", v.versionNo());
        m.put("title", v.title());
        m.put("instrumentTypeId", v.instrumentTypeId());
        m.put("unit", v.unit());
        m.put("decisionRule", v.decisionRule());
        m.put("decisionRuleMultiplier", v.decisionRuleMultiplier());
        m.put("changeNote", v.changeNote());
        m.put("points", v.points().stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("nominal", p.nominal());
            pm.put("unit", p.unit());
            pm.put("tolerance", p.tolerance());
            pm.put("toleranceUnit", p.toleranceUnit());
            pm.put("components", p.components().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("name", c.name());
                cm.put("distribution", c.distribution());
                cm.put("standardUncertainty", c.standardUncertainty());
                cm.put("halfWidth", c.halfWidth());
                cm.put("expandedUncertainty", c.expandedUncertainty());
                cm.put("coverageFactor", c.coverageFactor());
                cm.put("sensitivity", c.sensitivity());
                cm.put("dof", c.dof());
                return cm;
            }).toList());
            return pm;
        }).toList());
        return AuditJson.object(m);
    }
}
