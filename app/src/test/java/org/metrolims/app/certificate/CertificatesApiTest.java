package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.ELECTRONIC_SIGNATURE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class CertificatesApiTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_A = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_B = httpBasic("test-lab-b", TestAccounts.PASSWORD);
    static final RequestPostProcessor OFFICER = httpBasic("test-officer", TestAccounts.PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired CalibrationRecords records;
    @Autowired UserDetailsService users;

    long instrument, standard;
    Actor tech, tech2;

    @BeforeEach
    void data() {
        // its own instrument: its calibrations must not become the latest of the one the portal test calibrates
        CalibrationApiFixture fixture = new CalibrationApiFixture(dsl, encoder, "CERT", 905);
        instrument = fixture.instrument;
        standard = fixture.standard;
        tech = actor("test-tech", fixture.institute);
        tech2 = actor("test-tech-2", fixture.institute);
    }

    long approvedCalibration() {
        var c = records.draft(tech, draft(null));
        c = records.submit(tech, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    CalibrationDraft draft(Long customer) {
        return draft(instrument, standard, customer, LocalDate.of(2026, 3, 3));
    }

    /** A calibration of the instrument with the standard on a day, for its owner (lab A) or the customer given. */
    static CalibrationDraft draft(long instrument, long standard, Long customer, LocalDate on) {
        return new CalibrationDraft(instrument, customer, "JJG 30-2012", on.minusDays(2), on,
                on.plusYears(1).minusDays(1), List.of(standard), 20.1, 45.0,
                InstrumentCondition.IN_TOLERANCE, InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE,
                null, null, List.of(new PointInput(10.0, "mm", List.of(10.0002, 10.0004, 10.0003), 1.0, "µm",
                        List.of(ComponentInput.expanded("reference", 0.0002, 2)))));
    }

    String issue(long calibrationId) throws Exception {
        String body = mvc.perform(post("/api/certificates").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(calibrationId, TestAccounts.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.number");
    }

    @Test
    void issuingLeavesAnIssuedSignatureBoundToTheRevisionAndItsPdfHash() throws Exception {
        String number = issue(approvedCalibration());

        var signature = dsl.select(ELECTRONIC_SIGNATURE.MEANING, ELECTRONIC_SIGNATURE.CONTENT_SHA256,
                        ELECTRONIC_SIGNATURE.SIGNER_USERNAME).from(ELECTRONIC_SIGNATURE)
                .where(ELECTRONIC_SIGNATURE.RECORD_TYPE.eq("certificate"), ELECTRONIC_SIGNATURE.RECORD_ID.eq(number + "/1"))
                .fetchSingle();
        String pdfHash = dsl.select(CERTIFICATE.SHA256).from(CERTIFICATE)
                .where(CERTIFICATE.CERTIFICATE_NO.eq(number), CERTIFICATE.REVISION.eq(1)).fetchSingle().value1();
        assertThat(signature.value1()).isEqualTo("ISSUED");
        assertThat(signature.value3()).isEqualTo("test-tech");
        assertThat(signature.value2()).isEqualTo(org.metrolims.app.signature.ElectronicSignatures.sha256(
                CertificateSigning.content(number, 1, pdfHash)));
    }

    @Test
    void issuingIsRefusedWithoutTheRightPassword() throws Exception {
        long calibration = approvedCalibration();
        mvc.perform(post("/api/certificates").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"wrong\"}".formatted(calibration)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(calibration))).isZero();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNATURE_REFUSED"),
                AUDIT_EVENT.ENTITY_TYPE.eq("certificate"))).isPositive();
    }

    @Test
    void theCustomerDownloadsItsCertificateAndAnotherLabGets404() throws Exception {
        String number = issue(approvedCalibration());

        mvc.perform(get("/api/certificates").param("q", number).with(LAB_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].number").value(number))
                .andExpect(jsonPath("$.items[0].status").value("VALID"))
                .andExpect(jsonPath("$.items[0].revision").value(1));
        byte[] pdf = mvc.perform(get("/api/certificates/{n}.pdf", number).with(LAB_A))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().exists("X-Content-SHA256"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        mvc.perform(get("/api/certificates").param("q", number).with(LAB_B))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/certificates/{n}.pdf", number).with(LAB_B))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/certificates/{n}.pdf", number).with(OFFICER)).andExpect(status().isOk());
    }

    @Test
    void aZipHoldsTheFilteredCertificates() throws Exception {
        String number = issue(approvedCalibration());
        byte[] zip = mvc.perform(get("/api/certificates/export.zip").param("q", number).with(LAB_A))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            assertThat(in.getNextEntry().getName()).isEqualTo(number + ".pdf");
            assertThat(in.getNextEntry()).isNull();
        }
    }

    @Test
    void anAmendmentSupersedesTheFirstRevision() throws Exception {
        String number = issue(approvedCalibration());
        mvc.perform(post("/api/certificates/{n}/amendments", number).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"%s\",\"reason\":\"typo in customer address\"}".formatted(TestAccounts.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(get("/api/certificates/{n}.pdf", number).param("revision", "1").with(LAB_A))
                .andExpect(header().string("X-Certificate-Status", "SUPERSEDED"));
        mvc.perform(post("/api/certificates/{n}/amendments", number).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"%s\",\"reason\":\" \"}".formatted(TestAccounts.PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void eachRevisionOfACertificateIsShownOnlyToItsOwnCustomer() throws Exception {
        // an instrument of its own: lab B becomes a customer of its calibrations, and other tests count lab B's
        CalibrationApiFixture own = new CalibrationApiFixture(dsl, encoder, "CERTREV", 907);
        // calibrated long ago, so that it is not among lab A's latest calibrations that the portal test looks for
        LocalDate longAgo = LocalDate.of(2023, 5, 10);
        var c = records.draft(tech, draft(own.instrument, own.standard, null, longAgo));
        c = records.submit(tech, c.id(), c.version());
        long first = records.approve(tech2, c.id(), c.version()).id();
        String number = issue(first);
        long labB = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-B")).fetchSingle()
                .value1();
        // the calibration is corrected to name another customer, and the certificate amended from the correction
        var revised = records.revise(tech, first, records.get(tech, first).version(), "wrong customer",
                draft(own.instrument, own.standard, labB, longAgo));
        revised = records.submit(tech, revised.id(), revised.version());
        records.approve(tech2, revised.id(), revised.version());
        mvc.perform(post("/api/certificates/{n}/amendments", number).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"%s\",\"reason\":\"customer corrected\"}".formatted(TestAccounts.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2));

        String asLabA = certificatePage(number, "test-lab-a");
        assertThat(asLabA).contains("data-status=\"SUPERSEDED\"").doesNotContain("data-status=\"VALID\"")
                .doesNotContain("T-LAB-B");
        String asLabB = certificatePage(number, "test-lab-b");
        assertThat(asLabB).contains("data-status=\"VALID\"").doesNotContain("data-status=\"SUPERSEDED\"")
                .doesNotContain("T-LAB-A");
        assertThat(certificatePage(number, "test-tech")).contains("data-status=\"VALID\"", "data-status=\"SUPERSEDED\"");
        // each customer's export holds its own revision
        assertThat(zipEntries(mvc.perform(get("/api/certificates/export.zip").param("q", number).with(LAB_A))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .containsExactly(number + ".pdf");
        assertThat(zipEntries(mvc.perform(get("/api/certificates/export.zip").param("q", number).with(LAB_B))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .containsExactly(number + "-r2.pdf");
    }

    private static List<String> zipEntries(byte[] zip) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private String certificatePage(String number, String username) throws Exception {
        return mvc.perform(get("/certificates/{n}", number).with(user(users.loadUserByUsername(username)))
                        .locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePublicPageVerifiesByCodeAndRejectsATamperedPdf() throws Exception {
        String number = issue(approvedCalibration());
        String code = dsl.select(CERTIFICATE.VERIFICATION_CODE).from(CERTIFICATE)
                .where(CERTIFICATE.CERTIFICATE_NO.eq(number)).fetchSingle().value1();
        byte[] pdf = mvc.perform(get("/api/certificates/{n}.pdf", number).with(OFFICER))
                .andReturn().getResponse().getContentAsByteArray();

        String page = mvc.perform(get("/verify/{n}", number).param("code", code).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Valid", "T-INST", "test-tech");
        assertThat(mvc.perform(get("/verify/{n}", number).param("code", "ZZZZ-ZZZZ").param("lang", "en"))
                .andReturn().getResponse().getContentAsString()).contains("No certificate has this number");

        String same = mvc.perform(multipart("/verify/{n}", number).file(new MockMultipartFile("file", "c.pdf",
                        "application/pdf", pdf)).param("lang", "en").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(same).contains("exactly revision 1");
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 3] ^= 0x20;
        String altered = mvc.perform(multipart("/verify/{n}", number).file(new MockMultipartFile("file", "c.pdf",
                        "application/pdf", tampered)).param("lang", "en").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(altered).contains("does not match");
    }

    @Test
    void theLabsCertificatePageListsAndLinksItsCertificates() throws Exception {
        String number = issue(approvedCalibration());
        String page = mvc.perform(get("/certificates").param("q", number).param("lang", "en")
                        .with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number, "/certificates/" + number + ".pdf", "export.zip");
        mvc.perform(get("/certificates/{n}.pdf", number).with(user(users.loadUserByUsername("test-lab-b"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCertificatePageWithdrawsAfterAConfirmationAndASignatureThenShowsTheWithdrawnStatusAndReason()
            throws Exception {
        String number = issue(approvedCalibration());
        var tech = user(users.loadUserByUsername("test-tech"));
        String page = mvc.perform(get("/certificates/{n}", number).param("lang", "en").with(tech))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Withdraw this certificate", "/certificates/" + number + "/withdrawal", "_csrf");
        String labPage = mvc.perform(get("/certificates/{n}", number).param("lang", "en")
                        .with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(labPage).contains(number, "Valid").doesNotContain("Withdraw this certificate");
        mvc.perform(get("/certificates/{n}", number).with(user(users.loadUserByUsername("test-lab-b"))))
                .andExpect(status().isNotFound());

        // no CSRF token, no withdrawal; no reason, the form again
        mvc.perform(post("/certificates/{n}/withdrawal", number).with(tech).param("reason", "x"))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(post("/certificates/{n}/withdrawal", number).param("lang", "en").with(tech).with(csrf())
                        .param("reason", " ")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("State the reason for the withdrawal.");
        // the first step only asks to confirm and sign
        String confirm = mvc.perform(post("/certificates/{n}/withdrawal", number).param("lang", "en").with(tech)
                        .with(csrf()).param("reason", "instrument found damaged"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Withdraw certificate " + number + ", revision 1?", "Sign and withdraw",
                "name=\"confirmed\"", "instrument found damaged");
        assertThat(statusOf(number)).isEqualTo("VALID");
        // a wrong password signs nothing
        assertThat(mvc.perform(post("/certificates/{n}/withdrawal", number).param("lang", "en").with(tech)
                        .with(csrf()).param("reason", "instrument found damaged").param("confirmed", "true")
                        .param("password", "wrong-password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("The password does not match");
        assertThat(statusOf(number)).isEqualTo("VALID");

        mvc.perform(post("/certificates/{n}/withdrawal", number).with(tech).with(csrf())
                        .param("reason", "instrument found damaged").param("confirmed", "true")
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/certificates/" + number));

        assertThat(statusOf(number)).isEqualTo("WITHDRAWN");
        assertThat(dsl.fetchCount(ELECTRONIC_SIGNATURE, ELECTRONIC_SIGNATURE.RECORD_ID.eq(number + "/1")
                .and(ELECTRONIC_SIGNATURE.MEANING.eq("WITHDRAWN")))).isEqualTo(1);
        String after = mvc.perform(get("/certificates/{n}", number).param("lang", "en")
                        .with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Withdrawn", "Reason: instrument found damaged");
        assertThat(mvc.perform(get("/certificates/{n}", number).param("lang", "en").with(tech))
                .andReturn().getResponse().getContentAsString()).doesNotContain("Withdraw this certificate");
    }

    private String statusOf(String number) {
        return dsl.select(CERTIFICATE.STATUS).from(CERTIFICATE).where(CERTIFICATE.CERTIFICATE_NO.eq(number))
                .fetchSingle().value1();
    }

    @Test
    void aBatchIssuesTheLabsUncertifiedCalibrationsInTheBackground() throws Exception {
        approvedCalibration();
        String body = mvc.perform(post("/api/certificates/batches").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"%s\"}".formatted(TestAccounts.PASSWORD)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int id = com.jayway.jsonpath.JsonPath.read(body, "$.id");
        String status = "RUNNING";
        for (int i = 0; i < 600 && status.equals("RUNNING"); i++) {
            Thread.sleep(100);
            status = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/certificates/batches/{id}", id).with(TECH))
                    .andReturn().getResponse().getContentAsString(), "$.status");
        }
        assertThat(status).isEqualTo("DONE");
        mvc.perform(get("/api/certificates/batches/{id}", id).with(TECH))
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.percent").doesNotExist());
        mvc.perform(get("/api/certificates/batches/{id}", id).with(LAB_B)).andExpect(status().isNotFound());
    }

    private Actor actor(String username, long organization) {
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
        return new Actor(id, username, organization, "T-INST", true, false);
    }
}
