package org.metrolims.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_REFERENCE_STANDARD;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.calibration.standard.CertificateDetails;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardDetails;
import org.metrolims.calibration.standard.StandardLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A small province without the demo: a provincial E1 weight set traced to the NIM, a city E2 set calibrated against
 * it, a city set claiming E1 with an E2 uncertainty, and two customer calibrations (one with the provincial set, one
 * with the city set, each with a certificate). Checks the scheme list, each chain node's standing, the schemes page
 * and the recall impact page and CSV.
 */
@AppTest
class SchemesAndImpactWebTest {

    static final String NIM = "中国计量科学研究院";

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired MeasurementStandards standards;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);

    /** Pages sign in by form; the tests put the signed-in user in the request instead. */
    RequestPostProcessor page(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername(username));
    }

    long institute, labOrg, reviewer, type;
    long provincial, city, misplaced;

    @BeforeEach
    void province() {
        TestAccounts.ensure(dsl, encoder);
        institute = org("T-INST");
        // the customer is a lab of its own, so that other tests' views of lab A (its portal's lists) stay as they were
        labOrg = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("VS-LAB"))
                .fetchOptional(x -> x.value1())
                .orElseGet(() -> dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "VS-LAB")
                        .set(ORGANIZATION.NAME_ZH, "VS-LAB").set(ORGANIZATION.NAME_EN, "VS-LAB")
                        .set(ORGANIZATION.KIND, "ACCREDITED_LAB")
                        .set(ORGANIZATION.REGION_ID, dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION)
                                .where(ORGANIZATION.CODE.eq("T-INST")).fetchOne().value1())
                        .set(ORGANIZATION.ACCREDITATION_NUMBER, "CNAS T0999")
                        .returningResult(ORGANIZATION.ID).fetchOne().value1());
        reviewer = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech")).fetchOne().value1();
        if (dsl.fetchExists(MEASUREMENT_STANDARD, MEASUREMENT_STANDARD.CODE.eq("VS-P-E1"))) {
            provincial = standardId("VS-P-E1");
            city = standardId("VS-C-E2");
            misplaced = standardId("VS-C-CLAIMS-E1");
            return;
        }
        long quantity = dsl.select(QUANTITY.ID).from(QUANTITY).where(QUANTITY.CODE.eq("MASS")).fetchOptional(x -> x.value1())
                .orElseGet(() -> {
                    long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "VS-MECH").set(DISCIPLINE.NAME_ZH, "力学")
                            .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 97)
                            .returningResult(DISCIPLINE.ID).fetchOne().value1();
                    return dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, "MASS")
                            .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "Mass").set(QUANTITY.SI_UNIT, "kg")
                            .set(QUANTITY.SI_UNIT_NAME, "kilogram").returningResult(QUANTITY.ID).fetchOne().value1();
                });
        String discipline = dsl.select(DISCIPLINE.CODE).from(QUANTITY).join(DISCIPLINE)
                .on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID)).where(QUANTITY.ID.eq(quantity)).fetchOne().value1();
        type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "VS-WEIGHTS")
                .set(INSTRUMENT_TYPE.NAME_ZH, "砝码").set(INSTRUMENT_TYPE.NAME_EN, "Weights")
                .set(INSTRUMENT_TYPE.QUANTITY_ID, quantity).set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12)
                .returningResult(INSTRUMENT_TYPE.ID).fetchOne().value1();
        provincial = register(discipline, "VS-P-E1", StandardLevel.PROVINCIAL_PUBLIC, "0.000015", "E1");
        city = register(discipline, "VS-C-E2", StandardLevel.CITY_PUBLIC, "0.00003", "E2");
        misplaced = register(discipline, "VS-C-CLAIMS-E1", StandardLevel.CITY_PUBLIC, "0.00003", "E1");
        calibrate(instrument(provincial, institute), institute, null, LocalDate.of(2025, 6, 1), "VS-CAL-P");
        calibrate(instrument(city, institute), institute, provincial, LocalDate.of(2025, 9, 1), "VS-CAL-C");
        calibrate(instrument(misplaced, institute), institute, provincial, LocalDate.of(2025, 9, 2), "VS-CAL-M");
        long direct = calibrate(instrument(null, labOrg), labOrg, provincial, LocalDate.of(2025, 10, 1), "VS-CAL-L1");
        long transitive = calibrate(instrument(null, labOrg), labOrg, city, LocalDate.of(2025, 11, 1), "VS-CAL-L2");
        certificate(direct, "VS-CERT-1");
        certificate(transitive, "VS-CERT-2");
    }

    long org(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchOne().value1();
    }

    long standardId(String code) {
        return dsl.select(MEASUREMENT_STANDARD.ID).from(MEASUREMENT_STANDARD).where(MEASUREMENT_STANDARD.CODE.eq(code))
                .fetchOne().value1();
    }

    long register(String discipline, String code, StandardLevel level, String u, String accuracyClass) {
        StandardDetails d = new StandardDetails(code, "砝码标准装置", "Weights", discipline, "MASS", level, "T-INST",
                "350000", new BigDecimal("0.000001"), new BigDecimal("50"), "kg", new BigDecimal(u), new BigDecimal("2"),
                accuracyClass, LocalDate.of(2020, 5, 1));
        CertificateDetails certificate = new CertificateDetails("VS-A-" + code, LocalDate.of(2024, 1, 10),
                LocalDate.of(2028, 1, 9), "福建省市场监督管理局");
        return standards.register(d, certificate, new RegistryUser("test-admin", institute, true, false, true)).id();
    }

    long instrument(Long standard, long owner) {
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, owner)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MEASUREMENT_STANDARD_ID, standard)
                .set(INSTRUMENT.MANUFACTURER, "VS").set(INSTRUMENT.MODEL, "W")
                .set(INSTRUMENT.SERIAL_NO, "VS-" + System.nanoTime()).set(INSTRUMENT.UNIT, "kg")
                .returningResult(INSTRUMENT.ID).fetchOne().value1();
    }

    long calibrate(long instrument, long customer, Long reference, LocalDate on, String number) {
        var insert = dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, number)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, customer)
                .set(CALIBRATION.PROCEDURE_CODE, "JJG 99-2022").set(CALIBRATION.CALIBRATED_ON, on)
                .set(CALIBRATION.VALID_UNTIL, on.plusYears(1).minusDays(1)).set(CALIBRATION.STATUS, "APPROVED");
        insert = reference == null
                ? insert.set(CALIBRATION.EXTERNAL_ISSUER, NIM).set(CALIBRATION.EXTERNAL_CERTIFICATE_NO, "NIM-" + number)
                : insert.set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.REVIEWER_ID, reviewer)
                        .set(CALIBRATION.APPROVED_AT, on.plusDays(1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC));
        long id = insert.returningResult(CALIBRATION.ID).fetchOne().value1();
        if (reference != null) {
            dsl.insertInto(CALIBRATION_REFERENCE_STANDARD).set(CALIBRATION_REFERENCE_STANDARD.CALIBRATION_ID, id)
                    .set(CALIBRATION_REFERENCE_STANDARD.MEASUREMENT_STANDARD_ID, reference).execute();
        }
        return id;
    }

    void certificate(long calibration, String number) {
        dsl.insertInto(CERTIFICATE).set(CERTIFICATE.CERTIFICATE_NO, number).set(CERTIFICATE.REVISION, 1)
                .set(CERTIFICATE.STATUS, "VALID").set(CERTIFICATE.CALIBRATION_ID, calibration)
                .set(CERTIFICATE.ISSUER_ORGANIZATION_ID, institute).set(CERTIFICATE.CUSTOMER_ORGANIZATION_ID, labOrg)
                .set(CERTIFICATE.SUBJECT, "weights").set(CERTIFICATE.ISSUED_AT, java.time.Instant.parse("2025-12-01T09:00:00Z"))
                .set(CERTIFICATE.ISSUED_BY, reviewer).set(CERTIFICATE.SIGNATURE_MEANING, "ISSUED")
                .set(CERTIFICATE.PDF, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .set(CERTIFICATE.SHA256, "0".repeat(64)).set(CERTIFICATE.VERIFICATION_CODE, "VS" + number.hashCode() % 1000)
                .execute();
    }

    @Test
    void everySignedInUserReadsTheSchemesWithTheirLevels() throws Exception {
        mvc.perform(get("/api/verification-schemes").with(labA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'JJG 2053-2016')].levels[1].code").value(hasItem("E1")))
                .andExpect(jsonPath("$[?(@.code == 'JJG 2053-2016')].levels[2].accuracyClass").value(hasItem("E2")))
                .andExpect(jsonPath("$[?(@.code == 'JJG 2056-1990')].levels[1].unit").value(hasItem("µm")))
                .andExpect(jsonPath("$[?(@.code == 'JJG 2056-1990')].levels[1].kind").value(hasItem("ABSOLUTE")));
    }

    @Test
    void theChainApiGivesEachStandardNodeItsSchemeLevelAndVerdictBesidesTheExistingFields() throws Exception {
        mvc.perform(get("/api/standards/{id}/chain", misplaced).param("asOf", "2026-01-15").with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.links[0].problems").isEmpty())
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-C-CLAIMS-E1')].scheme.verdict").value(hasItem("MISPLACED")))
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-C-CLAIMS-E1')].scheme.belongsTo").value(hasItem("E2")))
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-C-CLAIMS-E1')].scheme.claimedLevel").value(hasItem("E1")))
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-P-E1')].scheme.verdict").value(hasItem("OK")))
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-P-E1')].scheme.level").value(hasItem("E1")))
                .andExpect(jsonPath("$.nodes[?(@.label == 'VS-P-E1')].level").value(hasItem("PROVINCIAL_PUBLIC")));
    }

    @Test
    void theChainViewerShowsTheSchemeLevelsAndLinksToTheImpactPage() throws Exception {
        String html = mvc.perform(get("/standards/{id}/chain", city).param("asOf", "2026-01-15").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the verdict in words, not its code
        assertThat(html).contains("E2 · in place").contains("E1 · in place").doesNotContain("· OK")
                .contains("id=\"node-schemes\"")
                .contains("/standards/" + city + "/impact");
    }

    @Test
    void theSchemesPageListsTheMisplacedStandardWithALinkToItsChain() throws Exception {
        mvc.perform(get("/coverage/schemes").param("asOf", "2026-01-15").with(page("test-officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("JJG 2053-2016")))
                .andExpect(content().string(containsString("VS-C-CLAIMS-E1")))
                .andExpect(content().string(containsString("/standards/" + misplaced + "/chain")))
                .andExpect(content().string(not(containsString(">VS-C-E2<"))));
    }

    @Test
    void theImpactPageCountsTheCalibrationsSinceTheLastGoodOneAndLinksTheCertificates() throws Exception {
        String html = mvc.perform(get("/standards/{id}/impact", provincial).param("foundOn", "2026-01-15")
                        .with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("2025-06-01")
                .contains("VS-CAL-C").contains("VS-CAL-M").contains("VS-CAL-L1").contains("VS-CAL-L2")
                .contains("/certificates/VS-CERT-1.pdf?revision=1").contains("/certificates/VS-CERT-2.pdf?revision=1")
                .contains("impact/export.csv?foundOn=2026-01-15", "impact/export.xlsx?foundOn=2026-01-15");
        // found out on the day of its only good calibration: nothing before it was good, so every use is suspect
        String early = mvc.perform(get("/standards/{id}/impact", provincial).param("foundOn", "2025-06-01")
                        .with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(early).doesNotContain("2025-06-01</").contains("VS-CAL-L1");
    }

    @Test
    void theImpactListIsPagedSearchableAndKeepsTheDateInItsLinks() throws Exception {
        String searched = mvc.perform(get("/standards/{id}/impact", provincial).param("foundOn", "2026-01-15")
                        .param("q", "vs-cal-l1").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(searched).contains("VS-CAL-L1").doesNotContain("VS-CAL-M<")
                .contains("?q=vs-cal-l1&amp;foundOn=2026-01-15&amp;sort=customer&amp;dir=asc");
        String beyond = mvc.perform(get("/standards/{id}/impact", provincial).param("foundOn", "2026-01-15")
                        .param("page", "40").param("sort", "nonsense").param("lang", "en").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(beyond).contains("There is nothing on this page").doesNotContain("VS-CAL-L1");
    }

    @Test
    void theImpactCsvHasOneRowPerCertificateWithTheLevelMarked() throws Exception {
        String csv = mvc.perform(get("/standards/{id}/impact.csv", provincial).param("foundOn", "2026-01-15")
                        .with(page("test-officer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("recall-impact-VS-P-E1-2026-01-15.csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("standard,found_out_of_tolerance_on,suspect_since,depth,calibration_no");
        assertThat(lines).hasSize(5);
        assertThat(lines).contains("VS-P-E1,2026-01-15,2025-06-01,1,VS-CAL-L1,1,VS-LAB,2025-10-01,APPROVED,VS-P-E1,,"
                + "VS-CERT-1,1,VALID");
        assertThat(lines).contains("VS-P-E1,2026-01-15,2025-06-01,2,VS-CAL-L2,1,VS-LAB,2025-11-01,APPROVED,VS-C-E2,,"
                + "VS-CERT-2,1,VALID");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",1,VS-CAL-C,1,T-INST,2025-09-01,APPROVED,VS-P-E1,VS-C-E2,,,"));
    }

    @Test
    void aLabDoesNotSeeAnotherOrganizationsStandardsImpact() throws Exception {
        mvc.perform(get("/standards/{id}/impact", provincial).with(page("test-lab-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/standards/{id}/impact.csv", provincial).with(page("test-lab-a"))).andExpect(status().isNotFound());
    }

    @Test
    void theImpactExportHoldsTheTablesRowsGroupedByCustomerWithCustomersByName() throws Exception {
        String html = mvc.perform(get("/standards/{id}/impact", provincial).param("foundOn", "2026-01-15")
                        .param("lang", "en").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String csv = mvc.perform(get("/standards/{id}/impact/export.csv", provincial).param("foundOn", "2026-01-15")
                        .param("sort", "calibrated").param("dir", "desc").param("lang", "en")
                        .with(page("test-officer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("recall-impact-VS-P-E1-2026-01-15.csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFCustomer,Level,Calibration,Calibrated on,Status,With standard,"
                + "Standard calibrated,Certificates");
        assertThat((long) lines.size() - 1).isEqualTo(org.metrolims.app.web.ExportFiles.tableTotal(html)).isEqualTo(4);
        // grouped by customer, the customers by name; within a customer the table's order (newest first here)
        assertThat(lines.subList(1, 5)).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("T-INST", "T-INST", "VS-LAB", "VS-LAB");
        assertThat(lines.get(3)).startsWith("VS-LAB,level 2,VS-CAL-L2 r1,2025-11-01,Approved,VS-C-E2,,VS-CERT-2 r1 (Valid)");
        assertThat(lines.get(4)).startsWith("VS-LAB,direct,VS-CAL-L1 r1,2025-10-01,Approved,VS-P-E1,,VS-CERT-1 r1 (Valid)");
        // the search narrows the export as it narrows the table
        String searched = mvc.perform(get("/standards/{id}/impact/export.csv", provincial).param("foundOn", "2026-01-15")
                        .param("q", "vs-cal-l1").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(searched.lines().count()).isEqualTo(2);
        byte[] xlsx = mvc.perform(get("/standards/{id}/impact/export.xlsx", provincial).param("foundOn", "2026-01-15")
                        .param("lang", "zh-CN").with(page("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(org.metrolims.app.web.ExportFiles.xlsxRows(xlsx)).isEqualTo(4);
        assertThat(org.metrolims.app.web.ExportFiles.sheet(xlsx)).contains("客户", "已批准").doesNotContain("APPROVED");
        // another organization's standard: no export, as no page
        mvc.perform(get("/standards/{id}/impact/export.csv", provincial).with(page("test-lab-a")))
                .andExpect(status().isNotFound());
    }
}
