package org.metrolims.db.audit;

import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit trail. Writes join the caller's transaction, so a change and its audit
 * line commit or roll back together; the table itself refuses UPDATE and DELETE.
 */
@Repository
public class AuditTrail {

    /** 8 binds per row; MariaDB allows 65,535 per statement. */
    private static final int ROWS_PER_INSERT = 30_000 / 8;

    private final DSLContext dsl;

    public AuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(AuditEntry e) {
        recordAll(List.of(e));
    }

    /** Many lines at once (bulk imports): multi-row INSERTs, each under MariaDB's bind-variable limit. */
    public void recordAll(List<AuditEntry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
            var insert = dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE,
                    AUDIT_EVENT.ENTITY_ID, AUDIT_EVENT.BEFORE_STATE, AUDIT_EVENT.AFTER_STATE, AUDIT_EVENT.REASON,
                    AUDIT_EVENT.REMOTE_ADDRESS);
            for (AuditEntry e : entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values(e.actor(), e.action(), e.entityType(), e.entityId(), e.beforeState(),
                        e.afterState(), e.reason(), e.remoteAddress());
            }
            insert.execute();
        }
    }

    /** The latest lines for one actor, newest first. */
    public List<RecordedAuditEntry> latestBy(String actor, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR.eq(actor))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new RecordedAuditEntry(r.getId(), r.getOccurredAt(),
                        new AuditEntry(r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(),
                                r.getBeforeState(), r.getAfterState(), r.getReason(), r.getRemoteAddress())));
    }

    /** The latest lines about one record, newest first. */
    public List<RecordedAuditEntry> latestFor(String entityType, String entityId, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq(entityType).and(AUDIT_EVENT.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new RecordedAuditEntry(r.getId(), r.getOccurredAt(),
                        new AuditEntry(r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(),
                                r.getBeforeState(), r.getAfterState(), r.getReason(), r.getRemoteAddress())));
    }

    /** An audit line as stored, with its sequence number and time. */
    public record RecordedAuditEntry(long id, Instant occurredAt, AuditEntry entry) {
    }
}
