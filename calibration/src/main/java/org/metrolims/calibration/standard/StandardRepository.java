package org.metrolims.calibration.standard;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.jooq.tables.StandardAssessmentCertificate;
import org.springframework.stereotype.Repository;

/** Measurement standards with their status history, assessment certificates, equipment and audit lines. */
@Repository
class StandardRepository {

    static final String ENTITY = "measurement_standard";

    private static final StandardAssessmentCertificate CERT = STANDARD_ASSESSMENT_CERTIFICATE.as("cert");
    private static final StandardAssessmentCertificate LATEST = STANDARD_ASSESSMENT_CERTIFICATE.as("latest");

    private final DSLContext dsl;

    StandardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(Ids ids, StandardDetails d) {
        var s = MEASUREMENT_STANDARD;
        return dsl.insertInto(s)
                .set(s.CODE, d.code()).set(s.NAME_ZH, d.nameZh()).set(s.NAME_EN, d.nameEn())
                .set(s.DISCIPLINE_ID, ids.discipline()).set(s.QUANTITY_ID, ids.quantity())
                .set(s.LEVEL, d.level().name()).set(s.OWNER_ORGANIZATION_ID, ids.owner())
                .set(s.REGION_ID, ids.region()).set(s.RANGE_LOW, d.rangeLow()).set(s.RANGE_HIGH, d.rangeHigh())
                .set(s.UNIT, d.unit()).set(s.EXPANDED_UNCERTAINTY, d.expandedUncertainty())
                .set(s.COVERAGE_FACTOR, d.coverageFactor()).set(s.ACCURACY_CLASS, d.accuracyClass())
                .set(s.STATUS, StandardStatus.ACTIVE.name()).set(s.ESTABLISHED_ON, d.establishedOn())
                .returningResult(s.ID).fetchSingle(s.ID);
    }

    /** Updates the standard if it is still at {@code version}; false when someone changed it first. */
    boolean update(long id, int version, Ids ids, StandardDetails d) {
        var s = MEASUREMENT_STANDARD;
        return dsl.update(s)
                .set(s.CODE, d.code()).set(s.NAME_ZH, d.nameZh()).set(s.NAME_EN, d.nameEn())
                .set(s.DISCIPLINE_ID, ids.discipline()).set(s.QUANTITY_ID, ids.quantity())
                .set(s.LEVEL, d.level().name()).set(s.OWNER_ORGANIZATION_ID, ids.owner())
                .set(s.REGION_ID, ids.region()).set(s.RANGE_LOW, d.rangeLow()).set(s.RANGE_HIGH, d.rangeHigh())
                .set(s.UNIT, d.unit()).set(s.EXPANDED_UNCERTAINTY, d.expandedUncertainty())
                .set(s.COVERAGE_FACTOR, d.coverageFactor()).set(s.ACCURACY_CLASS, d.accuracyClass())
                .set(s.ESTABLISHED_ON, d.establishedOn())
                .set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(id).and(s.VERSION.eq(version)))
                .execute() == 1;
    }

    /** Sets the current status if the standard is still at {@code version}. */
    boolean setStatus(long id, int version, StandardStatus status) {
        var s = MEASUREMENT_STANDARD;
        return dsl.update(s).set(s.STATUS, status.name()).set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(id).and(s.VERSION.eq(version))).execute() == 1;
    }

    /** Marks the standard changed (a new certificate, a change of equipment) if it is still at {@code version}. */
    boolean touch(long id, int version) {
        var s = MEASUREMENT_STANDARD;
        return dsl.update(s).set(s.VERSION, s.VERSION.plus(1))
                .where(s.ID.eq(id).and(s.VERSION.eq(version))).execute() == 1;
    }

    void insertStatus(long standardId, StandardStatus status, LocalDate effectiveFrom, String reason, String actor) {
        var h = MEASUREMENT_STANDARD_STATUS;
        dsl.insertInto(h).set(h.STANDARD_ID, standardId).set(h.STATUS, status.name())
                .set(h.EFFECTIVE_FROM, effectiveFrom).set(h.REASON, reason).set(h.RECORDED_BY, actor).execute();
    }

    Optional<LocalDate> latestStatusDate(long standardId) {
        var h = MEASUREMENT_STANDARD_STATUS;
        var latest = org.jooq.impl.DSL.max(h.EFFECTIVE_FROM);
        return dsl.select(latest).from(h).where(h.STANDARD_ID.eq(standardId)).fetchOptional(latest);
    }

    long insertCertificate(long standardId, CertificateDetails c) {
        var t = STANDARD_ASSESSMENT_CERTIFICATE;
        return dsl.insertInto(t).set(t.STANDARD_ID, standardId).set(t.CERTIFICATE_NO, c.certificateNo())
                .set(t.ISSUED_ON, c.issuedOn()).set(t.EXPIRES_ON, c.expiresOn()).set(t.ISSUER, c.issuer())
                .returningResult(t.ID).fetchSingle(t.ID);
    }

    /** Which of these certificate numbers are already taken. */
    Set<String> existingCertificateNumbers(Collection<String> numbers) {
        var t = STANDARD_ASSESSMENT_CERTIFICATE;
        return dsl.select(t.CERTIFICATE_NO).from(t).where(t.CERTIFICATE_NO.in(numbers)).fetchSet(t.CERTIFICATE_NO);
    }

    /** Which of these standard codes are taken, other than by {@code exceptId}. */
    Set<String> existingCodes(Collection<String> codes, long exceptId) {
        var s = MEASUREMENT_STANDARD;
        return dsl.select(s.CODE).from(s).where(s.CODE.in(codes)).and(s.ID.ne(exceptId)).fetchSet(s.CODE);
    }

    Optional<MeasurementStandard> find(long id) {
        return standards().where(MEASUREMENT_STANDARD.ID.eq(id)).fetchOptional(StandardRepository::toStandard);
    }

    /** Locks the standard's row for the rest of the transaction, so that two changes to it queue. */
    Optional<MeasurementStandard> findForUpdate(long id) {
        dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD).where(MEASUREMENT_STANDARD.ID.eq(id))
                .forUpdate().fetch();
        return find(id);
    }

    Page<MeasurementStandard> search(StandardFilter f, Optional<Long> owner, LocalDate today, PageRequest page) {
        Condition where = conditions(f, owner, today);
        var items = standards().where(where).orderBy(order(f.sortOrDefault()))
                .limit(page.size()).offset(page.offset())
                .fetch(StandardRepository::toStandard);
        long total = dsl.fetchCount(standards().where(where));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The standard with its history, in one query. */
    Optional<StandardHistory> history(long id) {
        var h = MEASUREMENT_STANDARD_STATUS;
        var c = STANDARD_ASSESSMENT_CERTIFICATE;
        var i = INSTRUMENT;
        var a = AUDIT_EVENT;
        var statuses = multiset(select(h.STATUS, h.EFFECTIVE_FROM, h.REASON, h.RECORDED_BY, h.RECORDED_AT)
                .from(h).where(h.STANDARD_ID.eq(MEASUREMENT_STANDARD.ID)).orderBy(h.EFFECTIVE_FROM, h.ID))
                .convertFrom(r -> r.map(x -> new StandardHistory.StatusChange(StandardStatus.valueOf(x.get(h.STATUS)),
                        x.get(h.EFFECTIVE_FROM), x.get(h.REASON), x.get(h.RECORDED_BY),
                        x.get(h.RECORDED_AT))));
        var certificates = multiset(select(c.ID, c.CERTIFICATE_NO, c.ISSUED_ON, c.EXPIRES_ON, c.ISSUER)
                .from(c).where(c.STANDARD_ID.eq(MEASUREMENT_STANDARD.ID)).orderBy(c.ISSUED_ON, c.ID))
                .convertFrom(r -> r.map(Records.mapping(AssessmentCertificate::new)));
        var equipment = multiset(select(i.ID, INSTRUMENT_TYPE.CODE, i.MANUFACTURER, i.MODEL, i.SERIAL_NO)
                .from(i).join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(i.INSTRUMENT_TYPE_ID))
                .where(i.MEASUREMENT_STANDARD_ID.eq(MEASUREMENT_STANDARD.ID)).orderBy(i.ID))
                .convertFrom(r -> r.map(Records.mapping(StandardHistory.Equipment::new)));
        var audit = multiset(select(a.ID, a.OCCURRED_AT, a.ACTOR, a.ACTION, a.BEFORE_STATE, a.AFTER_STATE, a.REASON)
                .from(a).where(a.ENTITY_TYPE.eq(ENTITY)
                        .and(a.ENTITY_ID.eq(Long.toString(id))))
                .orderBy(a.ID))
                .convertFrom(r -> r.map(x -> new StandardHistory.AuditLine(x.get(a.ID),
                        x.get(a.OCCURRED_AT), x.get(a.ACTOR), x.get(a.ACTION),
                        x.get(a.BEFORE_STATE), x.get(a.AFTER_STATE), x.get(a.REASON))));
        return standards(statuses, certificates, equipment, audit)
                .where(MEASUREMENT_STANDARD.ID.eq(id))
                .fetchOptional(r -> new StandardHistory(toStandard(r), r.get(statuses), r.get(certificates),
                        r.get(equipment), r.get(audit)));
    }

    /** The instrument's owner and the standard it is part of, if it exists. */
    Optional<EquipmentLink> equipmentLink(long instrumentId) {
        var i = INSTRUMENT;
        return dsl.select(i.ID, i.OWNER_ORGANIZATION_ID, i.MEASUREMENT_STANDARD_ID).from(i).where(i.ID.eq(instrumentId))
                .forUpdate()
                .fetchOptional(Records.mapping(EquipmentLink::new));
    }

    void setEquipment(long instrumentId, Long standardId) {
        var i = INSTRUMENT;
        dsl.update(i).set(i.MEASUREMENT_STANDARD_ID, standardId).set(i.VERSION, i.VERSION.plus(1))
                .where(i.ID.eq(instrumentId)).execute();
    }

    private static Condition conditions(StandardFilter f, Optional<Long> owner, LocalDate today) {
        var s = MEASUREMENT_STANDARD;
        Condition c = noCondition();
        if (owner.isPresent()) {
            c = c.and(s.OWNER_ORGANIZATION_ID.eq(owner.get()));
        }
        if (f.region() != null) {
            c = c.and(REGION.CODE.startsWith(f.region().subtreePrefix()));
        }
        if (f.discipline() != null) {
            c = c.and(DISCIPLINE.CODE.eq(f.discipline()));
        }
        if (f.level() != null) {
            c = c.and(s.LEVEL.eq(f.level().name()));
        }
        if (f.status() != null) {
            c = c.and(s.STATUS.eq(f.status().name()));
        }
        if (f.expiringWithinDays() != null) {
            c = c.and(LATEST.EXPIRES_ON.between(today, today.plusDays(f.expiringWithinDays())));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().strip();
            c = c.and(s.CODE.containsIgnoreCase(t).or(s.NAME_ZH.containsIgnoreCase(t))
                    .or(s.NAME_EN.containsIgnoreCase(t)));
        }
        return c;
    }

    private static List<SortField<?>> order(StandardSort sort) {
        var s = MEASUREMENT_STANDARD;
        return switch (sort) {
            case CODE -> List.of(s.CODE.asc());
            case NAME -> List.of(s.NAME_ZH.asc(), s.CODE.asc());
            case CERTIFICATE_EXPIRY -> List.of(LATEST.EXPIRES_ON.asc().nullsLast(), s.CODE.asc());
        };
    }

    private SelectOnConditionStep<Record> standards(SelectField<?>... extra) {
        var s = MEASUREMENT_STANDARD;
        // the latest certificate: the one expiring last (the newest on a tie)
        Field<Long> latestId = field(select(CERT.ID).from(CERT).where(CERT.STANDARD_ID.eq(s.ID))
                .orderBy(CERT.EXPIRES_ON.desc(), CERT.ID.desc()).limit(1));
        List<SelectField<?>> fields = new ArrayList<>(List.of(s.ID, s.CODE, s.NAME_ZH, s.NAME_EN, DISCIPLINE.CODE,
                QUANTITY.CODE, s.LEVEL, s.OWNER_ORGANIZATION_ID, ORGANIZATION.CODE, REGION.CODE, s.RANGE_LOW,
                s.RANGE_HIGH, s.UNIT, s.EXPANDED_UNCERTAINTY, s.COVERAGE_FACTOR, s.ACCURACY_CLASS, s.STATUS,
                s.ESTABLISHED_ON, s.VERSION, LATEST.ID, LATEST.CERTIFICATE_NO, LATEST.ISSUED_ON, LATEST.EXPIRES_ON,
                LATEST.ISSUER));
        fields.addAll(List.of(extra));
        return dsl.select(fields)
                .from(s)
                .join(DISCIPLINE).on(DISCIPLINE.ID.eq(s.DISCIPLINE_ID))
                .join(QUANTITY).on(QUANTITY.ID.eq(s.QUANTITY_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(s.OWNER_ORGANIZATION_ID))
                .join(REGION).on(REGION.ID.eq(s.REGION_ID))
                .leftJoin(LATEST).on(LATEST.ID.eq(latestId));
    }

    private static MeasurementStandard toStandard(Record r) {
        var s = MEASUREMENT_STANDARD;
        AssessmentCertificate certificate = r.get(LATEST.ID) == null ? null
                : new AssessmentCertificate(r.get(LATEST.ID), r.get(LATEST.CERTIFICATE_NO), r.get(LATEST.ISSUED_ON),
                        r.get(LATEST.EXPIRES_ON), r.get(LATEST.ISSUER));
        return new MeasurementStandard(r.get(s.ID), r.get(s.CODE), r.get(s.NAME_ZH), r.get(s.NAME_EN),
                r.get(DISCIPLINE.CODE), r.get(QUANTITY.CODE), StandardLevel.valueOf(r.get(s.LEVEL)),
                r.get(s.OWNER_ORGANIZATION_ID), r.get(ORGANIZATION.CODE), r.get(REGION.CODE),
                plain(r.get(s.RANGE_LOW)), plain(r.get(s.RANGE_HIGH)), r.get(s.UNIT),
                plain(r.get(s.EXPANDED_UNCERTAINTY)), plain(r.get(s.COVERAGE_FACTOR)), r.get(s.ACCURACY_CLASS),
                StandardStatus.valueOf(r.get(s.STATUS)), r.get(s.ESTABLISHED_ON), r.get(s.VERSION), certificate);
    }

    /** DECIMAL(38, 12) without the padding zeros, never in exponent form (10, not 1E+1 or 10.000000000000). */
    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The database ids behind a standard's codes. */
    record Ids(long discipline, long quantity, long owner, long region) {
    }

    /** An instrument, its owner and the standard whose equipment it is (or null). */
    record EquipmentLink(long instrumentId, long ownerOrganizationId, Long standardId) {
    }
}
