package org.metrolims.db.audit;

import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail. Writes join the caller's transaction, so a change and its audit
 * line commit or roll back together; the table itself refuses UPDATE and DELETE.
 */
@Repository
public class AuditTrail {

    private final DSLContext dsl;

    public AuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(AuditEntry e) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR, e.actor())
                .set(AUDIT_EVENT.ACTION, e.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, e.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, e.entityId())
                .set(AUDIT_EVENT.BEFORE_STATE, e.beforeState())
                .set(AUDIT_EVENT.AFTER_STATE, e.afterState())
                .set(AUDIT_EVENT.REASON, e.reason())
                .set(AUDIT_EVENT.REMOTE_ADDRESS, e.remoteAddress())
                .execute();
    }

    /** The latest lines for one actor, newest first. */
    public List<RecordedAuditEntry> latestBy(String actor, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR.eq(actor))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new RecordedAuditEntry(r.getId(), r.getOccurredAt().toInstant(ZoneOffset.UTC),
                        new AuditEntry(r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(),
                                r.getBeforeState(), r.getAfterState(), r.getReason(), r.getRemoteAddress())));
    }

    /** An audit line as stored, with its sequence number and time. */
    public record RecordedAuditEntry(long id, Instant occurredAt, AuditEntry entry) {
    }
}
