package org.metrolims.calibration.standard;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.metrolims.calibration.internal.RegistryAudit;
import org.metrolims.db.audit.AuditTrail;

/**
 * Reference data for registry tests on a fresh schema: Fujian with Fuzhou (and its Gulou district) and Xiamen; the
 * MECHANICS discipline with MASS and THERMAL with TEMPERATURE; the provincial institute FJIM (Fuzhou), the Xiamen
 * institute XMIM and a lab; an instrument type; and users of each kind. Today is {@link #TODAY}.
 */
public final class RegistryFixture {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    public final DSLContext dsl;
    public final long fjim, xmim, lab;
    public final MeasurementStandards standards;
    final RegistryReferenceRepository references;
    public final RegistryAudit audit;
    public final Clock clock = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    public final RegistryUser tech;
    public final RegistryUser xiamenTech;
    public final RegistryUser officer;
    public final RegistryUser admin;
    public final RegistryUser labUser;

    public RegistryFixture(DSLContext dsl) {
        this.dsl = dsl;
        long province = region("350000", "PROVINCE", null);
        long fuzhou = region("350100", "CITY", province);
        region("350102", "COUNTY", fuzhou);
        long xiamen = region("350200", "CITY", province);
        long mechanics = discipline("MECHANICS", "力学", 3);
        long thermal = discipline("THERMAL", "热学", 2);
        long mass = quantity(mechanics, "MASS", "质量", "kg");
        quantity(thermal, "TEMPERATURE", "温度", "K");
        fjim = organization("FJIM", "福建省计量科学研究院", "INSTITUTE", fuzhou, null);
        xmim = organization("XMIM", "厦门市计量检定测试院", "INSTITUTE", xiamen, null);
        lab = organization("LAB-A", "某检测实验室", "ACCREDITED_LAB", xiamen, "CNAS L0001");
        dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "BALANCE").set(INSTRUMENT_TYPE.NAME_ZH, "天平")
                .set(INSTRUMENT_TYPE.NAME_EN, "Balance").set(INSTRUMENT_TYPE.QUANTITY_ID, mass)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).execute();
        references = new RegistryReferenceRepository(dsl);
        audit = new RegistryAudit(new AuditTrail(dsl));
        standards = new MeasurementStandards(new StandardRepository(dsl), references, audit, clock);
        tech = new RegistryUser("tech", fjim, false, true, true);
        xiamenTech = new RegistryUser("xm-tech", xmim, false, true, true);
        officer = new RegistryUser("officer", fjim, false, false, true);
        admin = new RegistryUser("admin", fjim, true, false, true);
        labUser = new RegistryUser("lab", lab, false, false, false);
    }

    /** A valid standard of FJIM in Fuzhou: E2 weights, 1 mg to 20 kg. */
    public static StandardDetails weights(String code) {
        return new StandardDetails(code, "E2等级砝码标准装置", "Class E2 weights", "MECHANICS", "MASS",
                StandardLevel.PROVINCIAL_PUBLIC, "FJIM", "350100", new BigDecimal("0.000001"), new BigDecimal("20"),
                "kg", null, null, "E2", LocalDate.of(2020, 5, 1));
    }

    public static CertificateDetails certificate(String no, LocalDate issued) {
        return new CertificateDetails(no, issued, issued.plusYears(4).minusDays(1), "福建省市场监督管理局");
    }

    private long region(String code, String level, Long parent) {
        return dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME_ZH, code).set(REGION.NAME_EN, code)
                .set(REGION.LEVEL, level).set(REGION.PARENT_ID, parent)
                .returningResult(REGION.ID).fetchOne(REGION.ID);
    }

    private long discipline(String code, String nameZh, int order) {
        return dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, code).set(DISCIPLINE.NAME_ZH, nameZh)
                .set(DISCIPLINE.NAME_EN, code).set(DISCIPLINE.SORT_ORDER, order)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
    }

    private long quantity(long discipline, String code, String nameZh, String unit) {
        return dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, code)
                .set(QUANTITY.NAME_ZH, nameZh).set(QUANTITY.NAME_EN, code).set(QUANTITY.SI_UNIT, unit)
                .set(QUANTITY.SI_UNIT_NAME, unit).returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
    }

    private long organization(String code, String nameZh, String kind, long region, String accreditation) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, nameZh)
                .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, kind).set(ORGANIZATION.REGION_ID, region)
                .set(ORGANIZATION.ACCREDITATION_NUMBER, accreditation)
                .returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
    }
}
