package org.metrolims.calibration.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.STANDARD_ASSESSMENT_CERTIFICATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.reference.RegionCode;

/** The counting rule: valid assessment certificate on the date and status active on the date. */
class StandardCountRepositoryTest {

    static DSLContext dsl;
    static StandardCountRepository repository;
    static long province, fuzhou, xiamen, discipline, quantity, institute;
    static int serial;

    static final RegionCode FUJIAN = new RegionCode("350000");

    @BeforeAll
    static void province() {
        dsl = TestDatabase.newSchema(StandardCountRepositoryTest.class).dsl();
        repository = new StandardCountRepository(dsl);
        province = region("350000", "PROVINCE", null);
        fuzhou = region("350100", "CITY", province);
        xiamen = region("350200", "CITY", province);
        discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "MECHANICS").set(DISCIPLINE.NAME_ZH, "力学")
                .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 3)
                .returningResult(DISCIPLINE.ID).fetchOne(DISCIPLINE.ID);
        quantity = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "MASS")
                .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").returningResult(QUANTITY.ID).fetchOne(QUANTITY.ID);
        institute = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "FJIM").set(ORGANIZATION.NAME_ZH, "福建省计量科学研究院")
                .set(ORGANIZATION.NAME_EN, "Fujian Institute of Metrology").set(ORGANIZATION.KIND, "INSTITUTE")
                .set(ORGANIZATION.REGION_ID, province).returningResult(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);

        // counts from 2022-03-01 to 2026-02-28, then renewed until 2030
        long renewed = standard("PROVINCIAL_PUBLIC", fuzhou, LocalDate.of(2022, 3, 1));
        certificate(renewed, LocalDate.of(2022, 3, 1), LocalDate.of(2026, 2, 28));
        certificate(renewed, LocalDate.of(2026, 3, 1), LocalDate.of(2030, 2, 28));
        // certificate expired on 2025-06-30 and was not renewed
        long lapsed = standard("CITY_PUBLIC", xiamen, LocalDate.of(2021, 7, 1));
        certificate(lapsed, LocalDate.of(2021, 7, 1), LocalDate.of(2025, 6, 30));
        // suspended on 2024-05-10, active again on 2024-09-01
        long suspended = standard("COUNTY_PUBLIC", xiamen, LocalDate.of(2023, 1, 1));
        certificate(suspended, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31));
        status(suspended, "SUSPENDED", LocalDate.of(2024, 5, 10));
        status(suspended, "ACTIVE", LocalDate.of(2024, 9, 1));
        // an enterprise standard never counts towards the public target
        long enterprise = standard("ENTERPRISE", fuzhou, LocalDate.of(2020, 1, 1));
        certificate(enterprise, LocalDate.of(2020, 1, 1), LocalDate.of(2028, 1, 1));
    }

    @Test
    void countsOnlyPublicStandardsWithAValidCertificateAndActiveStatus() {
        StandardCount count = repository.countOn(LocalDate.of(2024, 1, 15), FUJIAN);
        assertThat(count.publicStandards()).isEqualTo(3);
        assertThat(count.provincialStandards()).isEqualTo(1);
    }

    @Test
    void aSuspendedStandardDoesNotCountWhileSuspended() {
        assertThat(repository.countOn(LocalDate.of(2024, 5, 9), FUJIAN).publicStandards()).isEqualTo(3);
        assertThat(repository.countOn(LocalDate.of(2024, 5, 10), FUJIAN).publicStandards()).isEqualTo(2);
        assertThat(repository.countOn(LocalDate.of(2024, 9, 1), FUJIAN).publicStandards()).isEqualTo(3);
    }

    @Test
    void aCertificateCountsThroughItsLastDayAndNotAfter() {
        assertThat(repository.countOn(LocalDate.of(2025, 6, 30), FUJIAN).publicStandards()).isEqualTo(3);
        assertThat(repository.countOn(LocalDate.of(2025, 7, 1), FUJIAN).publicStandards()).isEqualTo(2);
    }

    @Test
    void aRenewalKeepsTheStandardCountingAcrossTheChangeOfCertificate() {
        assertThat(repository.countOn(LocalDate.of(2026, 2, 28), FUJIAN).provincialStandards()).isEqualTo(1);
        assertThat(repository.countOn(LocalDate.of(2026, 3, 1), FUJIAN).provincialStandards()).isEqualTo(1);
    }

    @Test
    void nothingCountsBeforeItWasEstablished() {
        assertThat(repository.countOn(LocalDate.of(2021, 6, 30), FUJIAN).publicStandards()).isZero();
    }

    @Test
    void aCityCountsOnlyItsOwnStandards() {
        assertThat(repository.countOn(LocalDate.of(2024, 1, 15), new RegionCode("350200")).publicStandards())
                .isEqualTo(2);
        assertThat(repository.countOn(LocalDate.of(2024, 1, 15), new RegionCode("350100")).publicStandards())
                .isEqualTo(1);
    }

    private static long region(String code, String level, Long parent) {
        return dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME_ZH, code).set(REGION.NAME_EN, code)
                .set(REGION.LEVEL, level).set(REGION.PARENT_ID, parent)
                .returningResult(REGION.ID).fetchOne(REGION.ID);
    }

    private static long standard(String level, long region, LocalDate established) {
        long id = dsl.insertInto(MEASUREMENT_STANDARD).set(MEASUREMENT_STANDARD.CODE, "STD-" + (++serial))
                .set(MEASUREMENT_STANDARD.NAME_ZH, "砝码标准装置").set(MEASUREMENT_STANDARD.NAME_EN, "Weights")
                .set(MEASUREMENT_STANDARD.DISCIPLINE_ID, discipline).set(MEASUREMENT_STANDARD.QUANTITY_ID, quantity)
                .set(MEASUREMENT_STANDARD.LEVEL, level).set(MEASUREMENT_STANDARD.OWNER_ORGANIZATION_ID, institute)
                .set(MEASUREMENT_STANDARD.REGION_ID, region).set(MEASUREMENT_STANDARD.UNIT, "kg")
                .set(MEASUREMENT_STANDARD.ACCURACY_CLASS, "E2").set(MEASUREMENT_STANDARD.STATUS, "ACTIVE")
                .set(MEASUREMENT_STANDARD.ESTABLISHED_ON, established)
                .set(MEASUREMENT_STANDARD.EXPANDED_UNCERTAINTY, new BigDecimal("0.000001"))
                .returningResult(MEASUREMENT_STANDARD.ID).fetchOne(MEASUREMENT_STANDARD.ID);
        status(id, "ACTIVE", established);
        return id;
    }

    private static void status(long standard, String status, LocalDate from) {
        dsl.insertInto(MEASUREMENT_STANDARD_STATUS).set(MEASUREMENT_STANDARD_STATUS.STANDARD_ID, standard)
                .set(MEASUREMENT_STANDARD_STATUS.STATUS, status).set(MEASUREMENT_STANDARD_STATUS.EFFECTIVE_FROM, from)
                .set(MEASUREMENT_STANDARD_STATUS.RECORDED_BY, "test").execute();
    }

    private static void certificate(long standard, LocalDate issued, LocalDate expires) {
        dsl.insertInto(STANDARD_ASSESSMENT_CERTIFICATE).set(STANDARD_ASSESSMENT_CERTIFICATE.STANDARD_ID, standard)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.CERTIFICATE_NO, "CERT-" + standard + "-" + issued)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUED_ON, issued)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.EXPIRES_ON, expires)
                .set(STANDARD_ASSESSMENT_CERTIFICATE.ISSUER, "福建省市场监督管理局").execute();
    }
}
