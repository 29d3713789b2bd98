package org.metrolims.app.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.reports.certificate.CertificateBatchItem;
import org.metrolims.reports.certificate.CertificateBatches;
import org.metrolims.reports.certificate.CertificateSigner;
import org.metrolims.reports.certificate.Certificates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Batch issue of selected calibrations and the e-mail of each certificate to its customer, against a real SMTP
 * server in the test (GreenMail) and the real database.
 */
@AppTest
class CertificateBatchMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired CalibrationRecords records;
    @Autowired Certificates certificates;
    @Autowired CertificateBatches batches;
    @Autowired CertificateSignatures signatures;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    /** A signed-in page user (pages sign in by form, not by HTTP basic). */
    org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    CalibrationApiFixture fixture;
    long labB;
    CertificateSigner signer;
    Actor tech, tech2;

    @BeforeEach
    void data() {
        fixture = new CalibrationApiFixture(dsl, encoder, "BMAIL", 907);
        labB = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-B")).fetchSingle().value1();
        dsl.update(ORGANIZATION).set(ORGANIZATION.CONTACT_EMAIL, "certificates@lab-a.test")
                .where(ORGANIZATION.ID.eq(fixture.labA)).execute();
        dsl.update(ORGANIZATION).set(ORGANIZATION.CONTACT_EMAIL, "quality@lab-b.test")
                .where(ORGANIZATION.ID.eq(labB)).execute();
        long techId = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech")).fetchSingle().value1();
        long tech2Id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech-2")).fetchSingle().value1();
        signer = signatures.requester(techId);
        tech = new Actor(techId, "test-tech", fixture.institute, "T-INST", true, false);
        tech2 = new Actor(tech2Id, "test-tech-2", fixture.institute, "T-INST", true, false);
    }

    long approved(Long customer, int day) {
        var c = records.draft(tech, CertificatesApiTest.draft(fixture.instrument, fixture.standard, customer,
                LocalDate.of(2026, 4, day)));
        c = records.submit(tech, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    JavaMailSenderImpl greenMail() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }

    /** A server that is not there: a port that was free a moment ago. */
    static JavaMailSenderImpl nobodyListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    CertificateMailer mailer(JavaMailSenderImpl sender) {
        return new CertificateMailer(Optional.of(sender), "certificates@metrolims.test", certificates, batches);
    }

    long issuedBatch(List<Long> calibrations) {
        long batch = batches.start(signer, calibrations).id();
        batches.run(batch, signer);
        return batch;
    }

    @Test
    void batchIssueMailsEachCertificateWithItsPdfToItsOwnCustomer() throws Exception {
        long forA = approved(null, 6);
        long forB = approved(labB, 7);
        long batch = issuedBatch(List.of(forA, forB));

        int sent = mailer(greenMail()).mailBatch(batch, "test-tech");

        assertThat(sent).isEqualTo(2);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        Map<String, String> numberByRecipient = new HashMap<>();
        for (MimeMessage m : received) {
            String to = m.getAllRecipients()[0].toString();
            Part pdf = attachment((Multipart) m.getContent());
            String number = pdf.getFileName().replace(".pdf", "");
            numberByRecipient.put(to, number);
            assertThat(m.getSubject()).contains(number);
            String stored = dsl.select(CERTIFICATE.SHA256).from(CERTIFICATE)
                    .where(CERTIFICATE.CERTIFICATE_NO.eq(number)).fetchSingle().value1();
            assertThat(org.metrolims.app.signature.ElectronicSignatures.sha256(bytes(pdf))).isEqualTo(stored);
        }
        assertThat(numberByRecipient).containsEntry("certificates@lab-a.test", number(forA))
                .containsEntry("quality@lab-b.test", number(forB));
        assertThat(batches.items(batch)).extracting(CertificateBatchItem::mailStatus).containsOnly("SENT");
    }

    @Test
    void aFailedMailLeavesTheCertificatesIssuedIsRecordedShownAndCanBeSentAgain() throws Exception {
        long first = approved(null, 8);
        long second = approved(labB, 9);
        long batch = issuedBatch(List.of(first, second));

        int sent = mailer(nobodyListening()).mailBatch(batch, "test-tech");

        assertThat(sent).isZero();
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.in(first, second),
                CERTIFICATE.STATUS.eq("VALID"))).isEqualTo(2);
        List<CertificateBatchItem> items = batches.items(batch);
        assertThat(items).extracting(CertificateBatchItem::mailStatus).containsOnly("FAILED");
        assertThat(items).allSatisfy(i -> assertThat(i.mailError()).isNotBlank());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("MAIL"),
                AUDIT_EVENT.ENTITY_ID.eq(number(first) + "/1"))).isEqualTo(1);

        // the batch page says so, with a "send again" for each
        var tech = as("test-tech");
        String page = mvc.perform(get("/certificates/batches/{id}", batch).with(tech))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Not sent to certificates@lab-a.test", "The certificate stays issued", "Send again");

        // another organization's batch is not found, even to send again
        TestAccounts.ensureOtherTechnician(dsl, encoder);
        mvc.perform(post("/certificates/batches/{id}/mail", batch).param("calibrationId", Long.toString(first))
                        .with(as(TestAccounts.OTHER_TECHNICIAN)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(mailer(greenMail()).resend(batch, first, "test-tech")).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("certificates@lab-a.test");
        assertThat(batches.items(batch)).filteredOn(i -> i.calibrationId() == first)
                .extracting(CertificateBatchItem::mailStatus).containsExactly("SENT");
    }

    @Test
    void aCustomerWithoutContactEmailIsRecordedAsSuch() {
        dsl.update(ORGANIZATION).setNull(ORGANIZATION.CONTACT_EMAIL).where(ORGANIZATION.ID.eq(labB)).execute();
        long batch = issuedBatch(List.of(approved(labB, 10)));

        mailer(greenMail()).mailBatch(batch, "test-tech");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(batches.items(batch)).extracting(CertificateBatchItem::mailStatus).containsExactly("NO_CONTACT");
    }

    @Test
    void theBatchFormIssuesOnlyTheSelectedCalibrationsAndRefusesAnotherLabsAs404() throws Exception {
        long picked = approved(null, 11);
        long left = approved(null, 12);
        var tech = as("test-tech");

        mvc.perform(get("/certificates/batches/new").with(tech)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + picked + "\"")));
        // no selection: the form again, the message at the list
        mvc.perform(post("/certificates/batches/selection").param("password", TestAccounts.PASSWORD)
                        .with(tech).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Select at least one calibration.")));
        // another institute's technician selecting this lab's calibration: not found, nothing started
        TestAccounts.ensureOtherTechnician(dsl, encoder);
        mvc.perform(post("/certificates/batches/selection").param("calibrationIds", Long.toString(picked))
                        .param("password", TestAccounts.PASSWORD)
                        .with(as(TestAccounts.OTHER_TECHNICIAN)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/certificates/batches/selection").param("calibrationIds", Long.toString(picked))
                        .param("password", TestAccounts.PASSWORD).with(tech).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (int i = 0; i < 100 && dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(picked)) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(picked))).isEqualTo(1);
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(left))).isZero();
    }

    @Test
    void thePreviewIsTheLabsOwnAndAnotherOrganizationGets404() throws Exception {
        var c = records.draft(tech, CertificatesApiTest.draft(fixture.instrument, fixture.standard, null,
                LocalDate.of(2026, 4, 13)));
        records.submit(tech, c.id(), c.version());
        int before = dsl.fetchCount(CERTIFICATE);

        byte[] pdf = mvc.perform(get("/calibrations/{id}/certificate-preview.pdf", c.id())
                        .with(as("test-tech-2")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(dsl.fetchCount(CERTIFICATE)).isEqualTo(before);

        TestAccounts.ensureOtherTechnician(dsl, encoder);
        // another institute's technician, the customer, another lab: not found (the performing lab's own staff,
        // officers of the institute included, preview its records)
        for (String other : List.of(TestAccounts.OTHER_TECHNICIAN, "test-lab-a", "test-lab-b")) {
            mvc.perform(get("/calibrations/{id}/certificate-preview.pdf", c.id())
                            .with(as(other)))
                    .andExpect(status().isNotFound());
        }
    }

    String number(long calibrationId) {
        return dsl.select(CERTIFICATE.CERTIFICATE_NO).from(CERTIFICATE).where(CERTIFICATE.CALIBRATION_ID.eq(calibrationId))
                .fetchSingle().value1();
    }

    static Part attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                Part found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static byte[] bytes(Part part) throws Exception {
        var out = new ByteArrayOutputStream();
        part.getInputStream().transferTo(out);
        return out.toByteArray();
    }
}
