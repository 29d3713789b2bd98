package org.metrolims.calibration.record;

import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.jooq.tables.AppUser;
import org.metrolims.db.jooq.tables.Organization;
import org.springframework.stereotype.Repository;

/**
 * The technician's lists (My work), their counts, the reviewer's finding on a returned record and the names a
 * record page shows. Each list is one page query and one count query.
 */
@Repository
class WorkRepository {

    private static final Field<String> INSTRUMENT_LABEL = concat(INSTRUMENT.MANUFACTURER, inline(" "),
            INSTRUMENT.MODEL, inline(" #"), INSTRUMENT.SERIAL_NO).as("instrument_label");

    private final DSLContext dsl;

    public WorkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition condition(WorkList list, long userId, long organizationId, Instant approvedSince) {
        var c = CALIBRATION;
        return switch (list) {
            case TO_FINISH -> c.TECHNICIAN_ID.eq(userId).and(c.STATUS.eq(CalibrationStatus.DRAFT.name()))
                    .and(c.RETURNED_AT.isNull());
            case RETURNED -> c.TECHNICIAN_ID.eq(userId).and(c.STATUS.eq(CalibrationStatus.DRAFT.name()))
                    .and(c.RETURNED_AT.isNotNull());
            case TO_REVIEW -> c.STATUS.eq(CalibrationStatus.SUBMITTED.name())
                    .and(c.PERFORMING_ORGANIZATION_ID.eq(organizationId))
                    .and(c.TECHNICIAN_ID.isNull().or(c.TECHNICIAN_ID.ne(userId)));
            case TO_ISSUE -> c.PERFORMING_ORGANIZATION_ID.eq(organizationId)
                    .and(c.STATUS.eq(CalibrationStatus.APPROVED.name()))
                    .and(c.APPROVED_AT.ge(approvedSince))
                    .and(notExists(selectOne().from(CERTIFICATE).where(CERTIFICATE.CALIBRATION_ID.eq(c.ID))));
        };
    }

    /** The four counts in one statement (one scalar sub-query per list, each on an index). */
    WorkCounts counts(long userId, long organizationId, Instant approvedSince) {
        var c = CALIBRATION;
        Field<Integer> toFinish = selectCount().from(c).where(condition(WorkList.TO_FINISH, userId, organizationId, approvedSince))
                .asField("to_finish");
        Field<Integer> returned = selectCount().from(c).where(condition(WorkList.RETURNED, userId, organizationId, approvedSince))
                .asField("returned");
        Field<Integer> toReview = selectCount().from(c).where(condition(WorkList.TO_REVIEW, userId, organizationId, approvedSince))
                .asField("to_review");
        Field<Integer> toIssue = selectCount().from(c).where(condition(WorkList.TO_ISSUE, userId, organizationId, approvedSince))
                .asField("to_issue");
        Record r = dsl.select(toFinish, returned, toReview, toIssue).fetchOne();
        return new WorkCounts(r.get(toFinish), r.get(returned), r.get(toReview), r.get(toIssue));
    }

    /**
     * A page of one list: returned records newest return first, ready to issue oldest approval first, the others
     * oldest calibration first.
     */
    Page<WorkItem> list(WorkList list, long userId, long organizationId, Instant approvedSince, PageRequest page) {
        Condition where = condition(list, userId, organizationId, approvedSince);
        long total = dsl.fetchCount(CALIBRATION, where);
        var c = CALIBRATION;
        AppUser technician = APP_USER.as("technician");
        AppUser returner = APP_USER.as("returner");
        Organization customer = ORGANIZATION.as("customer");
        List<WorkItem> items = dsl.select(c.ID, c.CALIBRATION_NO, c.REVISION, c.INSTRUMENT_ID, INSTRUMENT_LABEL,
                        customer.NAME_ZH, customer.NAME_EN, c.CALIBRATED_ON, c.STATUS, technician.DISPLAY_NAME,
                        c.RETURN_FINDING, returner.DISPLAY_NAME, c.RETURNED_AT)
                .from(c)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(c.INSTRUMENT_ID))
                .join(customer).on(customer.ID.eq(c.CUSTOMER_ORGANIZATION_ID))
                .leftJoin(technician).on(technician.ID.eq(c.TECHNICIAN_ID))
                .leftJoin(returner).on(returner.ID.eq(c.RETURNED_BY))
                .where(where)
                .orderBy(switch (list) {
                    case RETURNED -> c.RETURNED_AT.desc();
                    // waiting longest first, along ix_calibration_performer_status_approved
                    case TO_ISSUE -> c.APPROVED_AT.asc();
                    default -> c.CALIBRATED_ON.asc();
                }, c.ID.asc())
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new WorkItem(r.get(c.ID), r.get(c.CALIBRATION_NO), r.get(c.REVISION),
                        r.get(c.INSTRUMENT_ID), r.get(INSTRUMENT_LABEL), r.get(customer.NAME_ZH),
                        r.get(customer.NAME_EN), r.get(c.CALIBRATED_ON), CalibrationStatus.valueOf(r.get(c.STATUS)),
                        r.get(technician.DISPLAY_NAME), finding(r.get(c.RETURN_FINDING), r.get(returner.DISPLAY_NAME),
                                r.get(c.RETURNED_AT))));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Notes the reviewer's finding on a record returned to its technician. */
    void markReturned(long id, long by, Instant at, String finding) {
        dsl.update(CALIBRATION).set(CALIBRATION.RETURNED_AT, at)
                .set(CALIBRATION.RETURNED_BY, by).set(CALIBRATION.RETURN_FINDING, finding)
                .where(CALIBRATION.ID.eq(id)).execute();
    }

    /** The record was submitted again: the finding was answered (the audit trail keeps it). */
    void clearReturned(long id) {
        dsl.update(CALIBRATION).setNull(CALIBRATION.RETURNED_AT).setNull(CALIBRATION.RETURNED_BY)
                .setNull(CALIBRATION.RETURN_FINDING).where(CALIBRATION.ID.eq(id)).execute();
    }

    /** The names a record's page shows, in two statements (the header, the reference standards). */
    Optional<RecordNames> names(long id) {
        var c = CALIBRATION;
        AppUser technician = APP_USER.as("technician");
        AppUser reviewer = APP_USER.as("reviewer");
        AppUser returner = APP_USER.as("returner");
        Organization customer = ORGANIZATION.as("customer");
        Organization performer = ORGANIZATION.as("performer");
        List<RecordNames.StandardName> standards = dsl.select(MEASUREMENT_STANDARD.ID, MEASUREMENT_STANDARD.CODE,
                        MEASUREMENT_STANDARD.NAME_ZH, MEASUREMENT_STANDARD.NAME_EN)
                .from(CALIBRATION_REFERENCE_STANDARD)
                .join(MEASUREMENT_STANDARD)
                .on(MEASUREMENT_STANDARD.ID.eq(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID))
                .where(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID.eq(id))
                .orderBy(MEASUREMENT_STANDARD.CODE)
                .fetch(r -> new RecordNames.StandardName(r.get(MEASUREMENT_STANDARD.ID),
                        r.get(MEASUREMENT_STANDARD.CODE), r.get(MEASUREMENT_STANDARD.NAME_ZH),
                        r.get(MEASUREMENT_STANDARD.NAME_EN)));
        return dsl.select(INSTRUMENT_LABEL, customer.NAME_ZH, customer.NAME_EN, performer.NAME_ZH,
                        performer.NAME_EN, technician.DISPLAY_NAME, reviewer.DISPLAY_NAME, c.STATUS,
                        c.RETURN_FINDING, returner.DISPLAY_NAME, c.RETURNED_AT)
                .from(c)
                .join(INSTRUMENT).on(INSTRUMENT.ID.eq(c.INSTRUMENT_ID))
                .join(customer).on(customer.ID.eq(c.CUSTOMER_ORGANIZATION_ID))
                .leftJoin(performer).on(performer.ID.eq(c.PERFORMING_ORGANIZATION_ID))
                .leftJoin(technician).on(technician.ID.eq(c.TECHNICIAN_ID))
                .leftJoin(reviewer).on(reviewer.ID.eq(c.REVIEWER_ID))
                .leftJoin(returner).on(returner.ID.eq(c.RETURNED_BY))
                .where(c.ID.eq(id))
                .fetchOptional(r -> new RecordNames(r.get(INSTRUMENT_LABEL), r.get(customer.NAME_ZH),
                        r.get(customer.NAME_EN), r.get(performer.NAME_ZH), r.get(performer.NAME_EN),
                        r.get(technician.DISPLAY_NAME), r.get(reviewer.DISPLAY_NAME), standards,
                        CalibrationStatus.DRAFT.name().equals(r.get(c.STATUS))
                                ? finding(r.get(c.RETURN_FINDING), r.get(returner.DISPLAY_NAME), r.get(c.RETURNED_AT))
                                : null));
    }

    private static WorkItem.Finding finding(String text, String by, Instant at) {
        return text == null ? null : new WorkItem.Finding(text, by, at);
    }
}
