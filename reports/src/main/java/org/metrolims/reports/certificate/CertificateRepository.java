package org.metrolims.reports.certificate;

import static org.jooq.Records.mapping;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.metrolims.db.jooq.tables.Organization;
import org.metrolims.db.jooq.tables.records.CertificateRecord;
import org.springframework.stereotype.Repository;

/** Issued certificates in MariaDB: the PDF bytes and hash as issued, status changes, lists and lookups. */
@Repository
class CertificateRepository {

    private final DSLContext dsl;

    public CertificateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new certificate row, for issuing. */
    record NewCertificate(String number, int revision, Long supersedesId, String reason, long calibrationId,
            long issuerOrganizationId, long customerOrganizationId, String subject, Instant issuedAt, long issuedBy,
            String meaning, byte[] pdf, String sha256, String verificationCode) {
    }

    /** A stored certificate, without its PDF. */
    record Stored(long id, String number, int revision, CertificateStatus status, long calibrationId,
            long issuerOrganizationId, long customerOrganizationId, String subject, Instant issuedAt, String sha256,
            String verificationCode) {
    }

    long insert(NewCertificate c) {
        return dsl.insertInto(CERTIFICATE)
                .set(CERTIFICATE.CERTIFICATE_NO, c.number())
                .set(CERTIFICATE.REVISION, c.revision())
                .set(CERTIFICATE.STATUS, CertificateStatus.VALID.name())
                .set(CERTIFICATE.SUPERSEDES_ID, c.supersedesId())
                .set(CERTIFICATE.AMENDMENT_REASON, c.reason())
                .set(CERTIFICATE.CALIBRATION_ID, c.calibrationId())
                .set(CERTIFICATE.ISSUER_ORGANIZATION_ID, c.issuerOrganizationId())
                .set(CERTIFICATE.CUSTOMER_ORGANIZATION_ID, c.customerOrganizationId())
                .set(CERTIFICATE.SUBJECT, c.subject().length() > 300 ? c.subject().substring(0, 300) : c.subject())
                .set(CERTIFICATE.ISSUED_AT, c.issuedAt())
                .set(CERTIFICATE.ISSUED_BY, c.issuedBy())
                .set(CERTIFICATE.SIGNATURE_MEANING, c.meaning())
                .set(CERTIFICATE.PDF, c.pdf())
                .set(CERTIFICATE.SHA256, c.sha256())
                .set(CERTIFICATE.VERIFICATION_CODE, c.verificationCode())
                .returningResult(CERTIFICATE.ID)
                .fetchOne(CERTIFICATE.ID);
    }

    /** Marks a VALID revision SUPERSEDED; false when it was no longer VALID (a concurrent amendment won). */
    boolean supersede(long id) {
        return dsl.update(CERTIFICATE).set(CERTIFICATE.STATUS, CertificateStatus.SUPERSEDED.name())
                .where(CERTIFICATE.ID.eq(id)).and(CERTIFICATE.STATUS.eq(CertificateStatus.VALID.name()))
                .execute() == 1;
    }

    boolean withdraw(long id, long by, Instant at, String reason) {
        return dsl.update(CERTIFICATE).set(CERTIFICATE.STATUS, CertificateStatus.WITHDRAWN.name())
                .set(CERTIFICATE.WITHDRAWN_AT, at).set(CERTIFICATE.WITHDRAWN_BY, by)
                .set(CERTIFICATE.WITHDRAWAL_REASON, reason)
                .where(CERTIFICATE.ID.eq(id)).and(CERTIFICATE.STATUS.eq(CertificateStatus.VALID.name()))
                .execute() == 1;
    }

    /** The newest revision of a number. */
    Optional<Stored> latest(String number) {
        return dsl.selectFrom(CERTIFICATE).where(CERTIFICATE.CERTIFICATE_NO.eq(number))
                .orderBy(CERTIFICATE.REVISION.desc()).limit(1).fetchOptional(CertificateRepository::stored);
    }

    Optional<Stored> revision(String number, int revision) {
        return dsl.selectFrom(CERTIFICATE).where(CERTIFICATE.CERTIFICATE_NO.eq(number))
                .and(CERTIFICATE.REVISION.eq(revision)).fetchOptional(CertificateRepository::stored);
    }

    List<Stored> revisions(String number) {
        return dsl.selectFrom(CERTIFICATE).where(CERTIFICATE.CERTIFICATE_NO.eq(number))
                .orderBy(CERTIFICATE.REVISION).fetch(CertificateRepository::stored);
    }

    /** Every revision of a number with its parties, amendment and withdrawal, oldest first. */
    List<CertificateRevision> history(String number) {
        var issuer = ORGANIZATION.as("issuer");
        var customer = ORGANIZATION.as("customer");
        return dsl.select(CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.REVISION, CERTIFICATE.STATUS, CERTIFICATE.SUBJECT,
                        CERTIFICATE.ISSUED_AT, CERTIFICATE.ISSUER_ORGANIZATION_ID, issuer.NAME_ZH, issuer.NAME_EN,
                        customer.NAME_ZH, customer.NAME_EN, CERTIFICATE.AMENDMENT_REASON, CERTIFICATE.WITHDRAWN_AT,
                        APP_USER.DISPLAY_NAME, CERTIFICATE.WITHDRAWAL_REASON)
                .from(CERTIFICATE)
                .join(issuer).on(issuer.ID.eq(CERTIFICATE.ISSUER_ORGANIZATION_ID))
                .join(customer).on(customer.ID.eq(CERTIFICATE.CUSTOMER_ORGANIZATION_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CERTIFICATE.WITHDRAWN_BY))
                .where(CERTIFICATE.CERTIFICATE_NO.eq(number))
                .orderBy(CERTIFICATE.REVISION)
                .fetch(r -> new CertificateRevision(r.get(CERTIFICATE.CERTIFICATE_NO), r.get(CERTIFICATE.REVISION),
                        CertificateStatus.valueOf(r.get(CERTIFICATE.STATUS)), r.get(CERTIFICATE.SUBJECT),
                        r.get(CERTIFICATE.ISSUED_AT), r.get(CERTIFICATE.ISSUER_ORGANIZATION_ID), r.get(issuer.NAME_ZH),
                        r.get(issuer.NAME_EN), r.get(customer.NAME_ZH), r.get(customer.NAME_EN),
                        Optional.ofNullable(r.get(CERTIFICATE.AMENDMENT_REASON)),
                        Optional.ofNullable(r.get(CERTIFICATE.WITHDRAWN_AT)),
                        Optional.ofNullable(r.get(APP_USER.DISPLAY_NAME)),
                        Optional.ofNullable(r.get(CERTIFICATE.WITHDRAWAL_REASON))));
    }

    Optional<byte[]> pdf(long id) {
        return dsl.select(CERTIFICATE.PDF).from(CERTIFICATE).where(CERTIFICATE.ID.eq(id)).fetchOptional(CERTIFICATE.PDF);
    }

    /** Issuer names and the signer, for the verification page. */
    Optional<Verification> verification(long id, int latestRevision) {
        return dsl.select(CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.REVISION, CERTIFICATE.STATUS, CERTIFICATE.ISSUED_AT,
                        ORGANIZATION.NAME_ZH, ORGANIZATION.NAME_EN, APP_USER.DISPLAY_NAME,
                        CERTIFICATE.SIGNATURE_MEANING, CERTIFICATE.SUBJECT, CERTIFICATE.SHA256)
                .from(CERTIFICATE)
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(CERTIFICATE.ISSUER_ORGANIZATION_ID))
                .join(APP_USER).on(APP_USER.ID.eq(CERTIFICATE.ISSUED_BY))
                .where(CERTIFICATE.ID.eq(id))
                .fetchOptional(r -> new Verification(r.get(CERTIFICATE.CERTIFICATE_NO), r.get(CERTIFICATE.REVISION),
                        CertificateStatus.valueOf(r.get(CERTIFICATE.STATUS)), r.get(CERTIFICATE.ISSUED_AT),
                        r.get(ORGANIZATION.NAME_ZH), r.get(ORGANIZATION.NAME_EN), r.get(APP_USER.DISPLAY_NAME),
                        r.get(CERTIFICATE.SIGNATURE_MEANING), r.get(CERTIFICATE.SUBJECT), r.get(CERTIFICATE.SHA256),
                        latestRevision));
    }

    Page<CertificateSummary> list(CertificateFilter f, Long visibleTo, PageRequest page) {
        Condition where = DSL.noCondition();
        if (visibleTo != null) {
            where = where.and(CERTIFICATE.CUSTOMER_ORGANIZATION_ID.eq(visibleTo)
                    .or(CERTIFICATE.ISSUER_ORGANIZATION_ID.eq(visibleTo)));
        }
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(CERTIFICATE.CERTIFICATE_NO.like(like).or(CERTIFICATE.SUBJECT.like(like)));
        }
        if (f.status() != null) {
            where = where.and(CERTIFICATE.STATUS.eq(f.status().name()));
        }
        if (f.issuedFrom() != null) {
            where = where.and(CERTIFICATE.ISSUED_AT.ge(f.issuedFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.issuedTo() != null) {
            where = where.and(CERTIFICATE.ISSUED_AT.lt(f.issuedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        long total = dsl.fetchCount(CERTIFICATE, where);
        Organization customer = ORGANIZATION.as("customer");
        Organization issuer = ORGANIZATION.as("issuer");
        List<CertificateSummary> items = dsl.select(CERTIFICATE.ID, CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.REVISION,
                        CERTIFICATE.STATUS.convertFrom(CertificateStatus::valueOf), CERTIFICATE.SUBJECT,
                        CERTIFICATE.ISSUED_AT, CERTIFICATE.CALIBRATION_ID,
                        customer.NAME_ZH, customer.NAME_EN, issuer.NAME_ZH, issuer.NAME_EN)
                .from(CERTIFICATE)
                .join(customer).on(customer.ID.eq(CERTIFICATE.CUSTOMER_ORGANIZATION_ID))
                .join(issuer).on(issuer.ID.eq(CERTIFICATE.ISSUER_ORGANIZATION_ID))
                .where(where)
                .orderBy(CERTIFICATE.ISSUED_AT.desc(), CERTIFICATE.ID.desc())
                .limit(page.size()).offset(page.offset())
                .fetch(mapping(CertificateSummary::new));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Approved calibrations performed by an organization that no certificate covers yet, oldest first. */
    List<Long> uncertified(long performerId, int limit) {
        return dsl.select(CALIBRATION.ID).from(CALIBRATION)
                .where(CALIBRATION.PERFORMING_ORGANIZATION_ID.eq(performerId))
                .and(CALIBRATION.STATUS.eq("APPROVED"))
                .andNotExists(DSL.selectOne().from(CERTIFICATE)
                        .where(CERTIFICATE.CERTIFICATE_NO.eq(CALIBRATION.CALIBRATION_NO)))
                .orderBy(CALIBRATION.CALIBRATED_ON, CALIBRATION.ID)
                .limit(limit)
                .fetch(CALIBRATION.ID);
    }

    /** The batch-issue selection: approved calibrations of a lab with no certificate yet, oldest first. */
    List<UncertifiedCalibration> uncertifiedRows(long performerId, int limit) {
        var customer = org.metrolims.db.jooq.Tables.ORGANIZATION.as("customer");
        var instrument = org.metrolims.db.jooq.Tables.INSTRUMENT;
        var type = org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
        return dsl.select(CALIBRATION.ID, CALIBRATION.CALIBRATION_NO, CALIBRATION.CALIBRATED_ON, type.NAME_ZH,
                        type.NAME_EN, instrument.SERIAL_NO, customer.NAME_ZH, customer.NAME_EN, customer.CONTACT_EMAIL)
                .from(CALIBRATION)
                .join(instrument).on(instrument.ID.eq(CALIBRATION.INSTRUMENT_ID))
                .join(type).on(type.ID.eq(instrument.INSTRUMENT_TYPE_ID))
                .join(customer).on(customer.ID.eq(CALIBRATION.CUSTOMER_ORGANIZATION_ID))
                .where(CALIBRATION.PERFORMING_ORGANIZATION_ID.eq(performerId))
                .and(CALIBRATION.STATUS.eq("APPROVED"))
                .andNotExists(DSL.selectOne().from(CERTIFICATE)
                        .where(CERTIFICATE.CERTIFICATE_NO.eq(CALIBRATION.CALIBRATION_NO)))
                .orderBy(CALIBRATION.CALIBRATED_ON, CALIBRATION.ID)
                .limit(limit)
                .fetch(r -> new UncertifiedCalibration(r.get(CALIBRATION.ID), r.get(CALIBRATION.CALIBRATION_NO),
                        r.get(CALIBRATION.CALIBRATED_ON), r.get(type.NAME_ZH), r.get(type.NAME_EN),
                        r.get(instrument.SERIAL_NO), r.get(customer.NAME_ZH), r.get(customer.NAME_EN),
                        r.get(customer.CONTACT_EMAIL)));
    }

    /** The newest APPROVED record revision with this calibration number. */
    Optional<Long> latestApprovedCalibration(String calibrationNo) {
        return dsl.select(CALIBRATION.ID).from(CALIBRATION).where(CALIBRATION.CALIBRATION_NO.eq(calibrationNo))
                .and(CALIBRATION.STATUS.eq("APPROVED")).orderBy(CALIBRATION.REVISION.desc()).limit(1)
                .fetchOptional(CALIBRATION.ID);
    }

    private static Stored stored(CertificateRecord r) {
        return new Stored(r.getId(), r.getCertificateNo(), r.getRevision(), CertificateStatus.valueOf(r.getStatus()),
                r.getCalibrationId(), r.getIssuerOrganizationId(), r.getCustomerOrganizationId(), r.getSubject(),
                r.getIssuedAt(), r.getSha256(), r.getVerificationCode());
    }
}
