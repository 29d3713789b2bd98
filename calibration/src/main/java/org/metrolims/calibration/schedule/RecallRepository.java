package org.metrolims.calibration.schedule;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.LAB_MESSAGE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.REMINDER_LOG;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What the recall job has to remind of, what it has already sent, and the in-app messages it leaves. */
@Repository
class RecallRepository {

    /** An organization's recipients: its enabled users with an e-mail address. */
    record Organization(long id, String code, String nameZh, String nameEn, List<String> recipients) {

        Organization {
            recipients = List.copyOf(recipients);
        }
    }

    private final DSLContext dsl;

    RecallRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Everything to remind of on {@code today} that the log does not have yet, by organization then date:
     * in-service instruments due within the next {@code dueSoonDays} (DUE_SOON) or overdue since at most
     * {@code overdueDays} (OVERDUE), and current assessment certificates of active standards expiring
     * within {@code certificateDays} or expired since at most {@code overdueDays} (CERTIFICATE_EXPIRING).
     */
    List<Recalls.Reminder> pending(LocalDate today, int dueSoonDays, int overdueDays, int certificateDays) {
        return dsl.fetch("""
                SELECT * FROM (
                    SELECT 'INSTRUMENT' AS item_type, s.instrument_id AS item_id,
                           CASE WHEN s.due_on < ? THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind, s.due_on,
                           s.owner_organization_id AS organization_id,
                           CONCAT(t.name_zh, ' ', t.name_en, ' · ', COALESCE(i.asset_no, i.serial_no)) AS label
                    FROM calibration_schedule s
                    JOIN instrument i ON i.id = s.instrument_id
                    JOIN instrument_type t ON t.id = s.instrument_type_id
                    WHERE s.instrument_status = 'IN_SERVICE' AND s.due_on BETWEEN ? AND ?
                    UNION ALL
                    SELECT 'CERTIFICATE', c.id, 'CERTIFICATE_EXPIRING', c.expires_on, ms.owner_organization_id,
                           CONCAT(ms.code, ' ', ms.name_zh, ' · ', c.certificate_no)
                    FROM measurement_standard ms
                    JOIN standard_assessment_certificate c ON c.standard_id = ms.id
                    WHERE ms.status = 'ACTIVE' AND c.expires_on BETWEEN ? AND ?
                      AND NOT EXISTS (SELECT 1 FROM standard_assessment_certificate later
                                      WHERE later.standard_id = ms.id AND (later.expires_on > c.expires_on
                                            OR (later.expires_on = c.expires_on AND later.id > c.id)))
                ) r
                WHERE NOT EXISTS (SELECT 1 FROM reminder_log l WHERE l.item_type = r.item_type
                                  AND l.item_id = r.item_id AND l.kind = r.kind AND l.due_on = r.due_on)
                ORDER BY organization_id, due_on, item_type, item_id
                """, today, today.minusDays(overdueDays), today.plusDays(dueSoonDays),
                today.minusDays(overdueDays), today.plusDays(certificateDays))
                .map(r -> new Recalls.Reminder(r.get("item_type", String.class), r.get("item_id", Long.class),
                        r.get("kind", String.class), r.get("due_on", LocalDate.class),
                        r.get("organization_id", Long.class), r.get("label", String.class)));
    }

    Optional<Organization> organization(long id) {
        List<String> recipients = dsl.select(APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ORGANIZATION_ID.eq(id).and(APP_USER.ENABLED.isTrue()).and(APP_USER.EMAIL.isNotNull()))
                .orderBy(APP_USER.ID).fetch(APP_USER.EMAIL);
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.CODE, ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN)
                .from(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchOptional(r -> new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.CODE),
                        r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN), recipients));
    }

    /**
     * Logs the reminder; returns its id, or empty when it is already logged (another run or instance sent it).
     * INSERT IGNORE on the unique key (item, kind, due date) makes the check and the claim one statement.
     */
    Optional<Long> log(Recalls.Reminder r, String recipients) {
        int inserted = dsl.insertInto(REMINDER_LOG)
                .set(REMINDER_LOG.ITEM_TYPE, r.itemType()).set(REMINDER_LOG.ITEM_ID, r.itemId())
                .set(REMINDER_LOG.KIND, r.kind()).set(REMINDER_LOG.DUE_ON, r.dueOn())
                .set(REMINDER_LOG.ORGANIZATION_ID, r.organizationId())
                .set(REMINDER_LOG.RECIPIENTS, recipients.length() > 1000 ? recipients.substring(0, 1000) : recipients)
                .onDuplicateKeyIgnore().execute();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(dsl.select(REMINDER_LOG.ID).from(REMINDER_LOG)
                .where(REMINDER_LOG.ITEM_TYPE.eq(r.itemType()).and(REMINDER_LOG.ITEM_ID.eq(r.itemId()))
                        .and(REMINDER_LOG.KIND.eq(r.kind())).and(REMINDER_LOG.DUE_ON.eq(r.dueOn())))
                .fetchSingle(REMINDER_LOG.ID));
    }

    void message(long organizationId, Long reminderId, String kind, String subject, String body) {
        dsl.insertInto(LAB_MESSAGE).set(LAB_MESSAGE.ORGANIZATION_ID, organizationId)
                .set(LAB_MESSAGE.REMINDER_ID, reminderId).set(LAB_MESSAGE.KIND, kind)
                .set(LAB_MESSAGE.SUBJECT, subject.length() > 300 ? subject.substring(0, 300) : subject)
                .set(LAB_MESSAGE.BODY, body.length() > 4000 ? body.substring(0, 3990) + " …" : body).execute();
    }

    List<Recalls.LabMessage> messages(long organizationId, int limit) {
        var m = LAB_MESSAGE;
        return dsl.select(m.ID, m.KIND, m.SUBJECT, m.BODY, m.CREATED_AT, m.READ_AT).from(m)
                .where(m.ORGANIZATION_ID.eq(organizationId)).orderBy(m.CREATED_AT.desc(), m.ID.desc()).limit(limit)
                .fetch(r -> new Recalls.LabMessage(r.get(m.ID), r.get(m.KIND), r.get(m.SUBJECT), r.get(m.BODY), r.get(m.CREATED_AT),
                        r.get(m.READ_AT) != null));
    }
}
