package org.metrolims.reports.certificate;

import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.RECOGNISED_ROOT_ISSUER;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.record.RecordTestWiring;
import org.metrolims.calibration.record.ReferenceOverride;
import org.metrolims.calibration.traceability.TraceabilityTestWiring;
import org.metrolims.db.audit.AuditTrail;

/**
 * A small province for certificate tests: an institute (two technicians) that calibrates a customer's caliper with
 * a gauge-block standard, itself calibrated by the NMI; a second lab; an officer.
 */
final class CertificateFixture {

    final DSLContext dsl;
    final CalibrationRecords records;
    final Certificates certificates;
    final long institute, otherLab, customer, instrument, standard;
    final Actor tech1, tech2;
    final CertificateSigner signer, otherLabSigner;
    final CertificateViewer customerViewer, otherLabViewer, officer;

    /** The certificate facts query over a schema, with calibration's traceability analysis for the chains. */
    static CertificateFactsRepository facts(DSLContext dsl) {
        return new CertificateFactsRepository(dsl, TraceabilityTestWiring.analysis(dsl));
    }

    CertificateFixture(DSLContext dsl, CertificateTemplate template) {
        this.dsl = dsl;
        this.records = RecordTestWiring.records(dsl);
        this.certificates = new Certificates(facts(dsl), new CertificateRepository(dsl),
                new AuditTrail(dsl), template, new CertificateLinks("https://lims.example.org/"),
                Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneOffset.UTC), new SplittableRandom(7));
        long province = dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE").returningResult(REGION.ID).fetchOne(REGION.ID);
        institute = organization(province, "FJIM", "福建省计量科学研究院", "Fujian Institute of Metrology", "INSTITUTE", "CNAS L0100");
        otherLab = organization(province, "XMLAB", "厦门检测实验室", "Xiamen Testing Lab", "ACCREDITED_LAB", "CNAS L0001");
        customer = organization(province, "ACME", "厦门精密制造有限公司", "Xiamen Precision Manufacturing", "ENTERPRISE", null);
        long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "LENGTH").set(DISCIPLINE.NAME_ZH, "几何量")
                .set(DISCIPLINE.NAME_EN, "Length").set(DISCIPLINE.SORT_ORDER, 1)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
        long quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "LENGTH")
                .set(QUANTITY.NAME_ZH, "长度").set(QUANTITY.NAME_EN, "length").set(QUANTITY.SI_UNIT, "m")
                .set(QUANTITY.SI_UNIT_NAME, "metre").returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
        long type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "CALIPER").set(INSTRUMENT_TYPE.NAME_ZH, "卡尺")
                .set(INSTRUMENT_TYPE.NAME_EN, "Caliper").set(INSTRUMENT_TYPE.QUANTITY_ID, quantity)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).returningResult(INSTRUMENT_TYPE.ID).fetchOne(INSTRUMENT_TYPE.ID);
        instrument = instrument(customer, type, "SN-1", null);
        standard = dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, "STD-GB-1")
                .set(MEASUREMENT_STANDARD.NAME_ZH, "量块标准装置").set(MEASUREMENT_STANDARD.NAME_EN, "Gauge blocks")
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                .set(MEASUREMENT_STANDARD.LEVEL, "PROVINCIAL_PUBLIC").set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, province).set(MEASUREMENT_STANDARD.UNIT, "mm")
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.0002"))
                .set(MEASUREMENT_STANDARD.COVERAGE_FACTOR, new BigDecimal("2"))
                .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE").set(MEASUREMENT_STANDARD.ESTABLISHED_ON, LocalDate.of(2020, 1, 1))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchOne(MEASUREMENT_STANDARD.ID);
        // the standard's gauge blocks were calibrated by the NMI: the root of the chain, one level up
        long blocks = instrument(institute, type, "GB-SET-1", standard);
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "NIM-2024-0042").set(CALIBRATION.INSTRUMENT_ID, blocks)
                .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute).set(CALIBRATION.EXTERNAL_ISSUER, "中国计量科学研究院 NIM")
                .set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "CDjc2024-0042").set(CALIBRATION.PROCEDURE_CODE, "JJG 146-2011")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2024, 6, 1)).set(CALIBRATION.VALID_UNTIL, LocalDate.of(2026, 5, 31))
                .set(CALIBRATION.STATUS, "APPROVED").execute();
        // the NMI under the name its certificate gives: a recognised root, so STD-GB-1 is fit for use on 2026-03-03
        dsl.insertInto(RECOGNISED_ROOT_ISSUER).set(RECOGNISED_ROOT_ISSUER.NAME, "中国计量科学研究院 NIM")
                .set(RECOGNISED_ROOT_ISSUER.KIND, "NATIONAL_METROLOGY_INSTITUTE").set(RECOGNISED_ROOT_ISSUER.COUNTRY, "CN")
                .execute();
        long t1 = user("tech1", "张工", institute);
        long t2 = user("tech2", "李工", institute);
        long x = user("xmtech", "王工", otherLab);
        tech1 = new Actor(t1, "tech1", institute, "FJIM", true, false);
        tech2 = new Actor(t2, "tech2", institute, "FJIM", true, false);
        signer = new CertificateSigner(t2, "tech2", "李工", institute, true);
        otherLabSigner = new CertificateSigner(x, "xmtech", "王工", otherLab, true);
        customerViewer = new CertificateViewer(customer, false);
        otherLabViewer = new CertificateViewer(otherLab, false);
        officer = new CertificateViewer(institute, true);
    }

    static PointInput point(double nominal, double... readings) {
        return new PointInput(nominal, "mm", java.util.Arrays.stream(readings).boxed().toList(), 20.0, "µm",
                List.of(ComponentInput.expanded("reference", 0.0002, 2),
                        ComponentInput.halfWidth("resolution", "rectangular", 0.005)));
    }

    CalibrationDraft draft() {
        return new CalibrationDraft(instrument, customer, "JJG 30-2012", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3),
                LocalDate.of(2027, 3, 2), List.of(standard), 20.1, 45.0, InstrumentCondition.IN_TOLERANCE,
                InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(point(10, 10.002, 10.004, 10.003), point(100, 100.011, 100.012, 100.010)));
    }

    /** A calibration drafted by tech1 and approved by tech2. */
    long approvedCalibration() {
        var c = records.draft(tech1, draft());
        c = records.submit(tech1, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    /**
     * A two-level chain in the province: working standard STD-GB-2 (U 0.0002 mm), whose gauge blocks the institute
     * calibrated (certificate FJIM-2025-0888) against the provincial highest standard STD-GB-0 (U 0.00005 mm), whose
     * own blocks the national metrology institute calibrated (certificate NIM-L-2025-0117): the root. Every link is
     * valid on 2026-03-01. Returns STD-GB-2's id.
     */
    long twoLevelStandard() {
        long discipline = dsl.select(DISCIPLINE.ID).from(DISCIPLINE).fetchSingle(DISCIPLINE.ID);
        long quantity = dsl.select(QUANTITY.ID).from(QUANTITY).fetchSingle(QUANTITY.ID);
        long type = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).fetchSingle(INSTRUMENT_TYPE.ID);
        long province = dsl.select(REGION.ID).from(REGION).fetchSingle(REGION.ID);
        long top = standard("STD-GB-0", "一等量块标准装置", "Grade 1 gauge blocks", "0.00005", discipline, quantity, province);
        long working = standard("STD-GB-2", "二等量块标准装置", "Grade 2 gauge blocks", "0.0002", discipline, quantity, province);
        long topBlocks = instrument(institute, type, "GB-SET-0", top);
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "NIM-2025-0117").set(CALIBRATION.INSTRUMENT_ID, topBlocks)
                .set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute).set(CALIBRATION.EXTERNAL_ISSUER, "中国计量科学研究院")
                .set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-L-2025-0117").set(CALIBRATION.PROCEDURE_CODE, "JJG 146-2011")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2025, 5, 10)).set(CALIBRATION.VALID_UNTIL, LocalDate.of(2026, 5, 9))
                .set(CALIBRATION.STATUS, "APPROVED").execute();
        long workingBlocks = instrument(institute, type, "GB-SET-2", working);
        long link = dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "FJIM-2025-0888")
                .set(CALIBRATION.INSTRUMENT_ID, workingBlocks).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, institute)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, "JJG 146-2011")
                .set(CALIBRATION.CALIBRATED_ON, LocalDate.of(2025, 9, 1)).set(CALIBRATION.VALID_UNTIL, LocalDate.of(2026, 8, 31))
                .set(CALIBRATION.STATUS, "APPROVED").set(CALIBRATION.REVIEWER_ID, tech2.userId())
                .set(CALIBRATION.APPROVED_AT, java.time.Instant.parse("2025-09-02T09:00:00Z")).returningResult(CALIBRATION.ID).fetchOne(CALIBRATION.ID);
        dsl.insertInto(CALIBRATION_REFERENCE_STANDARD).set(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID, link)
                .set(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID, top).execute();
        return working;
    }

    /** Moves the chain's top standard out of service on 2025-08-01, so the link through it breaks. */
    void suspendTopStandard() {
        long top = dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.CODE.eq("STD-GB-0")).fetchSingle(MEASUREMENT_STANDARD.ID);
        dsl.insertInto(MEASUREMENT_STANDARD_STATUS).set(MEASUREMENT_STANDARD_STATUS.STANDARD_ID, top)
                .set(MEASUREMENT_STANDARD_STATUS.STATUS, "SUSPENDED")
                .set(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM, LocalDate.of(2025, 8, 1))
                .set(MEASUREMENT_STANDARD_STATUS.RECORDED_BY, "test").execute();
    }

    /** An approved calibration (tech1, approved by tech2) of the customer's caliper with the given standards. */
    long approvedCalibrationWith(long... standards) {
        return approvedCalibrationOverriding(null, standards);
    }

    /**
     * As {@link #approvedCalibrationWith}, every standard overridden with {@code reason} when it is not null (an
     * override of a fit standard is not kept).
     */
    long approvedCalibrationOverriding(String reason, long... standards) {
        CalibrationDraft d = draft();
        CalibrationDraft with = new CalibrationDraft(d.instrumentId(), d.customerOrganizationId(), d.procedureCode(),
                d.receivedOn(), d.calibratedOn(), d.validUntil(), java.util.Arrays.stream(standards).boxed().toList(),
                d.temperatureC(), d.relativeHumidityPct(), d.asFound(), d.asLeft(), d.decisionRule(),
                d.decisionRuleMultiplier(), d.coverageProbability(), d.points(), reason == null ? List.of()
                        : java.util.Arrays.stream(standards).mapToObj(s -> new ReferenceOverride(s, reason)).toList());
        var c = records.draft(tech1, with);
        c = records.submit(tech1, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    private long standard(String code, String zh, String en, String u, long discipline, long quantity, long region) {
        long id = dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, code)
                .set(MEASUREMENT_STANDARD.NAME_ZH, zh).set(MEASUREMENT_STANDARD.NAME_EN, en)
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                .set(MEASUREMENT_STANDARD.LEVEL, "PROVINCIAL_PUBLIC").set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, region).set(MEASUREMENT_STANDARD.UNIT, "mm")
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal(u))
                .set(MEASUREMENT_STANDARD.COVERAGE_FACTOR, new BigDecimal("2"))
                .set(MEASUREMENT_STANDARD.STATUS, "ACTIVE").set(MEASUREMENT_STANDARD.ESTABLISHED_ON, LocalDate.of(2020, 1, 1))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchOne(MEASUREMENT_STANDARD.ID);
        dsl.insertInto(MEASUREMENT_STANDARD_STATUS).set(MEASUREMENT_STANDARD_STATUS.STANDARD_ID, id)
                .set(MEASUREMENT_STANDARD_STATUS.STATUS, "ACTIVE")
                .set(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM, LocalDate.of(2020, 1, 1))
                .set(MEASUREMENT_STANDARD_STATUS.RECORDED_BY, "test").execute();
        dsl.insertInto(STANDARD_ASSESSMENT_CERTIFICATE).set(STANDARD_ASSESSMENT_CERTIFICATE.STANDARD_ID, id)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.CERTIFICATE_NO, "[2024]闽量标证字第" + code + "号")
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUED_ON, LocalDate.of(2024, 1, 1))
                .set(STANDARD_ASSESSMENT_CERTIFICATE.EXPIRES_ON, LocalDate.of(2027, 12, 31))
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUER, "福建省市场监督管理局").execute();
        return id;
    }

    long draftCalibration() {
        return records.draft(tech1, draft()).id();
    }

    private long instrument(long owner, long type, String serial, Long standardId) {
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, owner)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                .set(INSTRUMENT.MODEL, "500-196").set(INSTRUMENT.SERIAL_NO, serial).set(INSTRUMENT.UNIT, "mm")
                .set(INSTRUMENT.MEASUREMENT_STANDARD_ID, standardId)
                .returningResult(INSTRUMENT.ID).fetchOne(INSTRUMENT.ID);
    }

    private long organization(long region, String code, String zh, String en, String kind, String accreditation) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, zh)
                .set(ORGANIZATION.NAME_EN, en).set(ORGANIZATION.KIND, kind).set(ORGANIZATION.REGION_ID, region)
                .set(ORGANIZATION.ADDRESS_ZH, "福州市鼓楼区").set(ORGANIZATION.ADDRESS_EN, "Gulou, Fuzhou")
                .set(ORGANIZATION.ACCREDITATION_NUMBER, accreditation)
                .returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
    }

    private long user(String name, String display, long organization) {
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, name).set(APP_USER.PASSWORD_HASH, "x")
                .set(APP_USER.DISPLAY_NAME, display).set(APP_USER.ORGANIZATION_ID, organization)
                .returningResult(APP_USER.ID).fetchOne(APP_USER.ID);
    }
}
