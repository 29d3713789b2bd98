package org.metrolims.calibration.instrument;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.LAB_MESSAGE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REMINDER_LOG;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.metrolims.calibration.instrument.InstrumentOverview.CertificateEntry;
import org.metrolims.calibration.instrument.InstrumentOverview.Due;
import org.metrolims.calibration.instrument.InstrumentOverview.HistoryEntry;
import org.metrolims.calibration.instrument.InstrumentOverview.Names;
import org.metrolims.calibration.instrument.InstrumentOverview.PointResult;
import org.metrolims.calibration.instrument.InstrumentOverview.RecallMessage;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.Conformity;
import org.metrolims.calibration.record.InstrumentCondition;
import org.springframework.stereotype.Repository;

/**
 * The sections of the instrument page, one statement each: names and schedule, calibration history (points nested
 * with {@code multiset}), certificates and recall messages. {@code visibleTo} is the organization whose records the
 * user may see, or null when the user sees every organization's.
 */
@Repository
class InstrumentOverviewRepository {

    private final DSLContext dsl;

    InstrumentOverviewRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The owner's and the type's names in both languages, and the schedule row if there is one. */
    record Heading(Names owner, Names type, Due due) {
    }

    Optional<Heading> heading(long instrumentId) {
        var s = CALIBRATION_SCHEDULE;
        return dsl.select(
                        row(ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN).mapping(Names::new),
                        row(INSTRUMENT_TYPE.NAME_ZH, INSTRUMENT_TYPE.NAME_EN).mapping(Names::new),
                        row(s.INTERVAL_MONTHS, s.DUE_ON, s.LAST_CALIBRATED_ON, s.LAST_VALID_UNTIL).mapping(
                                (interval, dueOn, last, validUntil) -> interval == null ? null
                                        : new Due(interval, dueOn, last, validUntil)))
                .from(INSTRUMENT)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(INSTRUMENT.OWNER_ORGANIZATION_ID))
                .join(INSTRUMENT_TYPE).on(INSTRUMENT_TYPE.ID.eq(INSTRUMENT.INSTRUMENT_TYPE_ID))
                .leftJoin(s).on(s.INSTRUMENT_ID.eq(INSTRUMENT.ID))
                .where(INSTRUMENT.ID.eq(instrumentId))
                .fetchOptional(mapping(Heading::new));
    }

    /** The instrument's calibrations that {@code visibleTo} performed or is the customer of, newest first. */
    List<HistoryEntry> history(long instrumentId, Long visibleTo) {
        var c = CALIBRATION;
        var p = MEASUREMENT_POINT;
        var points = multiset(select(p.SEQ, p.NOMINAL, p.UNIT, p.ERROR, p.EXPANDED_UNCERTAINTY, p.COVERAGE_FACTOR,
                p.TOLERANCE, p.TOLERANCE_UNIT, p.CONFORMITY.convertFrom(InstrumentOverviewRepository::conformity))
                .from(p).where(p.CALIBRATION_ID.eq(c.ID)).orderBy(p.SEQ))
                .convertFrom(r -> r.map(mapping(PointResult::new)));
        Condition visible = visibleTo == null ? noCondition()
                : c.CUSTOMER_ORGANIZATION_ID.eq(visibleTo).or(c.PERFORMING_ORGANIZATION_ID.eq(visibleTo));
        return dsl.select(c.ID, c.CALIBRATION_NO, c.REVISION, c.STATUS.convertFrom(CalibrationStatus::valueOf),
                        c.CALIBRATED_ON, c.VALID_UNTIL,
                        row(ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN, c.EXTERNAL_ISSUER).mapping(
                                (zh, en, external) -> zh == null ? new Names(external, external) : new Names(zh, en)),
                        APP_USER.DISPLAY_NAME, c.PROCEDURE_CODE,
                        c.AS_FOUND.convertFrom(InstrumentOverviewRepository::condition),
                        c.AS_LEFT.convertFrom(InstrumentOverviewRepository::condition),
                        c.CONFORMITY.convertFrom(InstrumentOverviewRepository::conformity), points)
                .from(c)
                .leftJoin(ORGANIZATION).on(ORGANIZATION.ID.eq(c.PERFORMING_ORGANIZATION_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(c.TECHNICIAN_ID))
                .where(c.INSTRUMENT_ID.eq(instrumentId)).and(visible)
                .orderBy(c.CALIBRATED_ON.desc(), c.ID.desc())
                .fetch(mapping(HistoryEntry::new));
    }

    /** The certificates of the instrument's calibrations that {@code visibleTo} issued or is the customer of. */
    List<CertificateEntry> certificates(long instrumentId, Long visibleTo) {
        var t = CERTIFICATE;
        Condition visible = visibleTo == null ? noCondition()
                : t.CUSTOMER_ORGANIZATION_ID.eq(visibleTo).or(t.ISSUER_ORGANIZATION_ID.eq(visibleTo));
        return dsl.select(t.CERTIFICATE_NO, t.REVISION, t.STATUS, t.CALIBRATION_ID,
                        t.ISSUED_AT, t.VERIFICATION_CODE)
                .from(t)
                .join(CALIBRATION).on(CALIBRATION.ID.eq(t.CALIBRATION_ID))
                .where(CALIBRATION.INSTRUMENT_ID.eq(instrumentId)).and(visible)
                .orderBy(t.ISSUED_AT.desc(), t.ID.desc())
                .fetch(mapping(CertificateEntry::new));
    }

    /** The recall messages about the instrument sent to {@code visibleTo}, newest first. */
    List<RecallMessage> recalls(long instrumentId, Long visibleTo) {
        var m = LAB_MESSAGE;
        var r = REMINDER_LOG;
        Condition visible = visibleTo == null ? noCondition() : m.ORGANIZATION_ID.eq(visibleTo);
        return dsl.select(m.KIND, r.DUE_ON, m.CREATED_AT.convertFrom(InstrumentOverviewRepository::instant),
                        m.SUBJECT)
                .from(m)
                .join(r).on(r.ID.eq(m.REMINDER_ID))
                .where(r.ITEM_TYPE.eq("INSTRUMENT")).and(r.ITEM_ID.eq(instrumentId)).and(visible)
                .orderBy(m.CREATED_AT.desc(), m.ID.desc())
                .fetch(mapping(RecallMessage::new));
    }

    private static InstrumentCondition condition(String s) {
        return s == null ? null : InstrumentCondition.valueOf(s);
    }

    private static Conformity conformity(String s) {
        return s == null ? null : Conformity.valueOf(s);
    }

    private static java.time.Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
