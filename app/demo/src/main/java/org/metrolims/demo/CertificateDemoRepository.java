package org.metrolims.demo;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What the demo certificates are drawn from: approved calibrations, the demo labs, a signer per lab. */
@Repository
class CertificateDemoRepository {

    record Candidate(long calibrationId, long performerId, Instant approvedAt) {
    }

    record Signer(long userId, String username, String displayName) {
    }

    private final DSLContext dsl;

    CertificateDemoRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Approved in-province calibrations spread over the labs: per performing lab, its approved calibrations whose id
     * is a multiple of {@code stride}, at most {@code perLab} of them, in id order.
     */
    List<Candidate> sample(int stride, int perLab, int limit) {
        var rank = rowNumber().over(partitionBy(CALIBRATION.PERFORMING_ORGANIZATION_ID).orderBy(CALIBRATION.ID));
        var spread = dsl.select(CALIBRATION.ID, CALIBRATION.PERFORMING_ORGANIZATION_ID, CALIBRATION.APPROVED_AT,
                        rank.as("rank"))
                .from(CALIBRATION)
                .where(CALIBRATION.STATUS.eq("APPROVED")).and(CALIBRATION.PERFORMING_ORGANIZATION_ID.isNotNull())
                .and(CALIBRATION.APPROVED_AT.isNotNull())
                .and(CALIBRATION.ID.mod(inline((long) stride)).eq(inline(0L)))
                .asTable("spread");
        var id = spread.field(CALIBRATION.ID);
        var rankField = spread.field("rank", Integer.class);
        return dsl.select(id, spread.field(CALIBRATION.PERFORMING_ORGANIZATION_ID), spread.field(CALIBRATION.APPROVED_AT))
                .from(spread)
                .where(rankField.le(perLab))
                .orderBy(rankField, id).limit(limit)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3()));
    }

    /** The newest approved calibrations a demo user's organization is the customer of. */
    List<Candidate> ofCustomerUser(String username, int limit) {
        return dsl.select(CALIBRATION.ID, CALIBRATION.PERFORMING_ORGANIZATION_ID, CALIBRATION.APPROVED_AT)
                .from(CALIBRATION)
                .join(APP_USER).on(APP_USER.ORGANIZATION_ID.eq(CALIBRATION.CUSTOMER_ORGANIZATION_ID))
                .where(APP_USER.USERNAME.eq(username)).and(CALIBRATION.STATUS.eq("APPROVED"))
                .and(CALIBRATION.PERFORMING_ORGANIZATION_ID.isNotNull()).and(CALIBRATION.APPROVED_AT.isNotNull())
                .orderBy(CALIBRATION.CALIBRATED_ON.desc(), CALIBRATION.ID.desc()).limit(limit)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3()));
    }

    /** Per organization, its first technician: the demo's signatory. */
    Map<Long, Signer> signers() {
        var first = dsl.select(APP_USER.ORGANIZATION_ID, min(APP_USER.ID).as("id"))
                .from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(USER_ROLE.ROLE.eq("TECHNICIAN")).groupBy(APP_USER.ORGANIZATION_ID).asTable("first");
        return dsl.select(APP_USER.ORGANIZATION_ID, APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME)
                .from(APP_USER).join(first).on(first.field("id", Long.class).eq(APP_USER.ID))
                .fetchMap(r -> r.value1(), r -> new Signer(r.value2(), r.value3(), r.value4()));
    }
}
