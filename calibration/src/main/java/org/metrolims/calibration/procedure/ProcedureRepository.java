package org.metrolims.calibration.procedure;

import static org.metrolims.db.jooq.Tables.CALIBRATION_PROCEDURE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE_COMPONENT;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE_POINT;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE_VERSION;
import static org.metrolims.db.jooq.Tables.QUANTITY;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Repository;

/** Procedure templates, their versions (points and budgets) and the calibrations drafted from them. */
@Repository
class ProcedureRepository {

    /** An instrument type as a template needs it: the SI unit of its quantity bounds the template's units. */
    record InstrumentTypeFacts(long id, String quantitySiUnit) {
    }

    private final DSLContext dsl;

    ProcedureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<InstrumentTypeFacts> instrumentType(long id) {
        return dsl.select(INSTRUMENT_TYPE.ID, QUANTITY.SI_UNIT).from(INSTRUMENT_TYPE)
                .join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                .where(INSTRUMENT_TYPE.ID.eq(id))
                .fetchOptional(r -> new InstrumentTypeFacts(r.get(INSTRUMENT_TYPE.ID), r.get(QUANTITY.SI_UNIT)));
    }

    /** Every instrument type, by code, for a template's choice. */
    List<InstrumentTypeChoice> instrumentTypes() {
        return dsl.select(INSTRUMENT_TYPE.ID, INSTRUMENT_TYPE.CODE, INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN,
                        QUANTITY.SI_UNIT)
                .from(INSTRUMENT_TYPE).join(QUANTITY).on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID))
                .orderBy(INSTRUMENT_TYPE.CODE)
                .fetch(r -> new InstrumentTypeChoice(r.get(INSTRUMENT_TYPE.ID), r.get(INSTRUMENT_TYPE.CODE),
                        r.get(INSTRUMENT_TYPE.NAME_ZH), r.get(INSTRUMENT_TYPE.NAME_EN), r.get(QUANTITY.SI_UNIT)));
    }

    boolean codeTaken(long organizationId, String code) {
        return dsl.fetchExists(PROCEDURE_TEMPLATE, PROCEDURE_TEMPLATE.ORGANIZATION_ID.eq(organizationId)
                .and(PROCEDURE_TEMPLATE.CODE.eq(code)));
    }

    long insertTemplate(long organizationId, String code) {
        return dsl.insertInto(PROCEDURE_TEMPLATE).set(PROCEDURE_TEMPLATE.ORGANIZATION_ID, organizationId)
                .set(PROCEDURE_TEMPLATE.CODE, code).set(PROCEDURE_TEMPLATE.CURRENT_VERSION, 1)
                .returningResult(PROCEDURE_TEMPLATE.ID).fetchOne(PROCEDURE_TEMPLATE.ID);
    }

    /** Writes a version with its points and components (checked). */
    long insertVersion(long templateId, int versionNo, ProcedureDraft d, String createdBy) {
        long id = dsl.insertInto(PROCEDURE_TEMPLATE_VERSION)
                .set(PROCEDURE_TEMPLATE_VERSION.TEMPLATE_ID, templateId)
                .set(PROCEDURE_TEMPLATE_VERSION.VERSION_NO, versionNo)
                .set(PROCEDURE_TEMPLATE_VERSION.TITLE, d.title())
                .set(PROCEDURE_TEMPLATE_VERSION.INSTRUMENT_TYPE_ID, d.instrumentTypeId())
                .set(PROCEDURE_TEMPLATE_VERSION.UNIT, d.unit())
                .set(PROCEDURE_TEMPLATE_VERSION.DECISION_RULE, d.decisionRule() == null ? null : d.decisionRule().name())
                .set(PROCEDURE_TEMPLATE_VERSION.DECISION_RULE_MULTIPLIER, decimal(d.decisionRuleMultiplier()))
                .set(PROCEDURE_TEMPLATE_VERSION.CHANGE_NOTE, d.changeNote())
                .set(PROCEDURE_TEMPLATE_VERSION.CREATED_BY, createdBy)
                .returningResult(PROCEDURE_TEMPLATE_VERSION.ID).fetchOne(PROCEDURE_TEMPLATE_VERSION.ID);
        var points = dsl.insertInto(PROCEDURE_TEMPLATE_POINT, PROCEDURE_TEMPLATE_POINT.VERSION_ID,
                PROCEDURE_TEMPLATE_POINT.SEQ, PROCEDURE_TEMPLATE_POINT.NOMINAL, PROCEDURE_TEMPLATE_POINT.UNIT,
                PROCEDURE_TEMPLATE_POINT.TOLERANCE, PROCEDURE_TEMPLATE_POINT.TOLERANCE_UNIT);
        var components = dsl.insertInto(PROCEDURE_TEMPLATE_COMPONENT, PROCEDURE_TEMPLATE_COMPONENT.VERSION_ID,
                PROCEDURE_TEMPLATE_COMPONENT.POINT_SEQ, PROCEDURE_TEMPLATE_COMPONENT.SEQ,
                PROCEDURE_TEMPLATE_COMPONENT.NAME, PROCEDURE_TEMPLATE_COMPONENT.DISTRIBUTION,
                PROCEDURE_TEMPLATE_COMPONENT.STANDARD_UNCERTAINTY, PROCEDURE_TEMPLATE_COMPONENT.HALF_WIDTH,
                PROCEDURE_TEMPLATE_COMPONENT.EXPANDED_UNCERTAINTY, PROCEDURE_TEMPLATE_COMPONENT.COVERAGE_FACTOR,
                PROCEDURE_TEMPLATE_COMPONENT.SENSITIVITY, PROCEDURE_TEMPLATE_COMPONENT.DOF);
        boolean anyComponent = false;
        for (int i = 0; i < d.points().size(); i++) {
            PointInput p = d.points().get(i);
            points = points.values(id, i + 1, decimal(p.nominal()), p.unit(), decimal(p.tolerance()), p.toleranceUnit());
            for (int j = 0; j < p.components().size(); j++) {
                ComponentInput c = p.components().get(j);
                components = components.values(id, i + 1, j + 1, c.name(), c.distribution(),
                        decimal(c.standardUncertainty()), decimal(c.halfWidth()), decimal(c.expandedUncertainty()),
                        decimal(c.coverageFactor()), decimal(c.sensitivity()), decimal(c.dof()));
                anyComponent = true;
            }
        }
        points.execute();
        if (anyComponent) {
            components.execute();
        }
        return id;
    }

    /** Makes {@code next} the current version, if the template is still at {@code expected} and in use. */
    boolean advance(long templateId, int expected, int next) {
        return dsl.update(PROCEDURE_TEMPLATE).set(PROCEDURE_TEMPLATE.CURRENT_VERSION, next)
                .where(PROCEDURE_TEMPLATE.ID.eq(templateId).and(PROCEDURE_TEMPLATE.CURRENT_VERSION.eq(expected))
                        .and(PROCEDURE_TEMPLATE.RETIRED_AT.isNull()))
                .execute() == 1;
    }

    boolean retire(long templateId, int expected, LocalDateTime at) {
        return dsl.update(PROCEDURE_TEMPLATE).set(PROCEDURE_TEMPLATE.RETIRED_AT, at)
                .where(PROCEDURE_TEMPLATE.ID.eq(templateId).and(PROCEDURE_TEMPLATE.CURRENT_VERSION.eq(expected))
                        .and(PROCEDURE_TEMPLATE.RETIRED_AT.isNull()))
                .execute() == 1;
    }

    /** The template with every version, newest first. */
    Optional<ProcedureTemplate> find(long templateId) {
        var t = dsl.selectFrom(PROCEDURE_TEMPLATE).where(PROCEDURE_TEMPLATE.ID.eq(templateId)).fetchOne();
        if (t == null) {
            return Optional.empty();
        }
        return Optional.of(new ProcedureTemplate(t.getId(), t.getOrganizationId(), t.getCode(),
                t.getCurrentVersion(), t.getRetiredAt(),
                versions(PROCEDURE_TEMPLATE_VERSION.TEMPLATE_ID.eq(templateId), t.getCode())));
    }

    /** The template a version belongs to. */
    Optional<Long> templateOf(long versionId) {
        return dsl.select(PROCEDURE_TEMPLATE_VERSION.TEMPLATE_ID).from(PROCEDURE_TEMPLATE_VERSION)
                .where(PROCEDURE_TEMPLATE_VERSION.ID.eq(versionId)).fetchOptional(PROCEDURE_TEMPLATE_VERSION.TEMPLATE_ID);
    }

    private List<ProcedureVersion> versions(Condition which, String code) {
        var v = PROCEDURE_TEMPLATE_VERSION;
        var rows = dsl.select(v.ID, v.TEMPLATE_ID, v.VERSION_NO, v.TITLE, v.INSTRUMENT_TYPE_ID, INSTRUMENT_TYPE.CODE,
                        INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN, v.UNIT, v.DECISION_RULE,
                        v.DECISION_RULE_MULTIPLIER, v.CHANGE_NOTE, v.CREATED_BY, v.CREATED_AT)
                .from(v).join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(v.INSTRUMENT_TYPE_ID))
                .where(which).orderBy(v.VERSION_NO.desc()).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.map(r -> r.get(v.ID));
        Map<Long, Map<Integer, List<ComponentInput>>> components = new LinkedHashMap<>();
        var c = PROCEDURE_TEMPLATE_COMPONENT;
        dsl.selectFrom(c).where(c.VERSION_ID.in(ids)).orderBy(c.VERSION_ID, c.POINT_SEQ, c.SEQ).forEach(r ->
                components.computeIfAbsent(r.getVersionId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.getPointSeq(), k -> new ArrayList<>())
                        .add(new ComponentInput(r.getName(), r.getDistribution(), number(r.getStandardUncertainty()),
                                number(r.getHalfWidth()), number(r.getExpandedUncertainty()),
                                number(r.getCoverageFactor()), number(r.getSensitivity()), number(r.getDof()))));
        Map<Long, List<PointInput>> points = new LinkedHashMap<>();
        var p = PROCEDURE_TEMPLATE_POINT;
        dsl.selectFrom(p).where(p.VERSION_ID.in(ids)).orderBy(p.VERSION_ID, p.SEQ).forEach(r ->
                points.computeIfAbsent(r.getVersionId(), k -> new ArrayList<>())
                        .add(new PointInput(r.getNominal().doubleValue(), r.getUnit(), null, number(r.getTolerance()),
                                r.getToleranceUnit(), components.getOrDefault(r.getVersionId(), Map.of())
                                        .getOrDefault(r.getSeq(), List.of()))));
        return rows.map(r -> new ProcedureVersion(r.get(v.ID), r.get(v.TEMPLATE_ID), r.get(v.VERSION_NO), code,
                r.get(v.TITLE), r.get(v.INSTRUMENT_TYPE_ID), r.get(INSTRUMENT_TYPE.CODE), r.get(INSTRUMENT_TYPE.NAME_ZH),
                r.get(INSTRUMENT_TYPE.NAME_EN), r.get(v.UNIT),
                r.get(v.DECISION_RULE) == null ? null : DecisionRuleCode.valueOf(r.get(v.DECISION_RULE)),
                number(r.get(v.DECISION_RULE_MULTIPLIER)), r.get(v.CHANGE_NOTE), r.get(v.CREATED_BY),
                r.get(v.CREATED_AT), points.getOrDefault(r.get(v.ID), List.of())));
    }

    /** A page of the organization's templates matching the text (code or current title). */
    Page<ProcedureSummary> list(long organizationId, String text, boolean includeRetired, ProcedureSort sort,
            boolean descending, PageRequest page) {
        var t = PROCEDURE_TEMPLATE;
        var v = PROCEDURE_TEMPLATE_VERSION;
        Condition where = t.ORGANIZATION_ID.eq(organizationId);
        if (!includeRetired) {
            where = where.and(t.RETIRED_AT.isNull());
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(t.CODE.likeIgnoreCase(like, '\\').or(v.TITLE.likeIgnoreCase(like, '\\')));
        }
        Field<Integer> pointCount = DSL.field(DSL.selectCount().from(PROCEDURE_TEMPLATE_POINT)
                .where(PROCEDURE_TEMPLATE_POINT.VERSION_ID.eq(v.ID)));
        Field<?> key = switch (sort) {
            case CODE -> t.CODE;
            case TITLE -> v.TITLE;
            case UPDATED -> v.CREATED_AT;
        };
        SortField<?> order = descending ? key.desc() : key.asc();
        var from = t.join(v).on(v.TEMPLATE_ID.eq(t.ID).and(v.VERSION_NO.eq(t.CURRENT_VERSION)))
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(v.INSTRUMENT_TYPE_ID));
        long total = dsl.selectCount().from(from).where(where).fetchOne(0, long.class);
        List<ProcedureSummary> items = dsl.select(t.ID, t.CODE, v.TITLE, t.CURRENT_VERSION, INSTRUMENT_TYPE.NAME_ZH,
                        INSTRUMENT_TYPE.NAME_EN, pointCount, v.CREATED_AT, t.RETIRED_AT)
                .from(from).where(where).orderBy(order, t.ID.asc())
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new ProcedureSummary(r.get(t.ID), r.get(t.CODE), r.get(v.TITLE), r.get(t.CURRENT_VERSION),
                        r.get(INSTRUMENT_TYPE.NAME_ZH), r.get(INSTRUMENT_TYPE.NAME_EN), r.get(pointCount),
                        r.get(v.CREATED_AT), r.get(t.RETIRED_AT) != null));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The current versions of the organization's templates in use whose code or title contains the text. */
    List<ProcedureVersion> currentVersions(long organizationId, String text, int limit) {
        var t = PROCEDURE_TEMPLATE;
        var v = PROCEDURE_TEMPLATE_VERSION;
        String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var found = dsl.select(v.ID, t.CODE).from(t).join(v).on(v.TEMPLATE_ID.eq(t.ID)
                        .and(v.VERSION_NO.eq(t.CURRENT_VERSION)))
                .where(t.ORGANIZATION_ID.eq(organizationId).and(t.RETIRED_AT.isNull())
                        .and(t.CODE.likeIgnoreCase(like, '\\').or(v.TITLE.likeIgnoreCase(like, '\\'))))
                .orderBy(t.CODE).limit(limit).fetch();
        List<ProcedureVersion> out = new ArrayList<>();
        for (var r : found) {
            out.addAll(versions(v.ID.eq(r.get(v.ID)), r.get(t.CODE)));
        }
        return out;
    }

    void link(long calibrationId, long versionId) {
        dsl.insertInto(CALIBRATION_PROCEDURE).set(CALIBRATION_PROCEDURE.CALIBRATION_ID, calibrationId)
                .set(CALIBRATION_PROCEDURE.VERSION_ID, versionId).execute();
    }

    Optional<ProcedureUse> use(long calibrationId) {
        var v = PROCEDURE_TEMPLATE_VERSION;
        var t = PROCEDURE_TEMPLATE;
        return dsl.select(CALIBRATION_PROCEDURE.CALIBRATION_ID, t.ID, v.ID, t.ORGANIZATION_ID, t.CODE, v.VERSION_NO,
                        v.TITLE)
                .from(CALIBRATION_PROCEDURE).join(v).on(v.ID.eq(CALIBRATION_PROCEDURE.VERSION_ID))
                .join(t).on(t.ID.eq(v.TEMPLATE_ID))
                .where(CALIBRATION_PROCEDURE.CALIBRATION_ID.eq(calibrationId))
                .fetchOptional(r -> new ProcedureUse(r.get(CALIBRATION_PROCEDURE.CALIBRATION_ID), r.get(t.ID),
                        r.get(v.ID), r.get(t.ORGANIZATION_ID), r.get(t.CODE), r.get(v.VERSION_NO), r.get(v.TITLE)));
    }

    private static BigDecimal decimal(Double d) {
        return d == null ? null : BigDecimal.valueOf(d);
    }

    private static Double number(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().doubleValue();
    }
}
