package org.metrolims.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.failure.Forbidden;

class CertificatesTest {

    static CertificateTemplate template;
    CertificateFixture fx;

    @BeforeAll
    static void compileOnce() {
        template = new CertificateTemplate();
    }

    @BeforeEach
    void province() {
        fx = new CertificateFixture(TestDatabase.newSchema(CertificatesTest.class).dsl(), template);
    }

    @Test
    void issuesFromAnApprovedCalibrationWithResultsTraceabilityAndDecisionRule() throws IOException {
        long calibration = fx.approvedCalibration();
        CertificateSummary issued = fx.certificates.issue(fx.signer, calibration);

        assertThat(issued.revision()).isEqualTo(1);
        IssuedCertificate pdf = fx.certificates.pdf(fx.customerViewer, issued.number(), null);
        assertThat(pdf.sha256()).isEqualTo(Certificates.sha256(pdf.pdf()));
        String text = text(pdf.pdf());
        assertThat(text).contains(issued.number(), "厦门精密制造有限公司", "Xiamen Precision Manufacturing",
                "福建省计量科学研究院", "CNAS L0100", "JJG 30-2012", "2026-03-01", "2026-03-03", "2026-03-05",
                "STD-GB-1", "中国计量科学研究院 NIM", "CDjc2024-0042", "简单接受规则", "simple acceptance",
                "李工", "Page 1 of 1");
        // point 1: mean 10.003 mm, U = 0.0059 mm (two significant digits), error to the same digit
        assertThat(text).contains("10.0030", "0.0030");
    }

    @Test
    void aCertificateIssuedWithAFixedClockRendersAgainToTheStoredBytes() {
        // the demo province issues with its own clock and seed: a reload must give the same documents and hashes
        long calibration = fx.approvedCalibration();
        CertificateSummary issued = fx.certificates.issue(fx.signer, calibration);
        IssuedCertificate stored = fx.certificates.pdf(fx.officer, issued.number(), 1);
        String code = new CertificateRepository(fx.dsl).latest(issued.number()).orElseThrow().verificationCode();
        Instant at = Instant.parse("2026-03-05T02:00:00Z");

        byte[] again = template.render(CertificateWording.of(CertificateFixture.facts(fx.dsl).find(calibration)
                .orElseThrow(), new IssueDetails(issued.number(), 1, java.time.LocalDate.of(2026, 3, 5),
                fx.signer.displayName(), code, new CertificateLinks("https://lims.example.org/").verifyUrl(
                        issued.number(), code), null, null)), at);

        assertThat(again).isEqualTo(stored.pdf());
        assertThat(Certificates.sha256(again)).isEqualTo(stored.sha256());
    }

    @Test
    void refusesACalibrationThatIsNotApproved() {
        long draft = fx.draftCalibration();
        assertThatThrownBy(() -> fx.certificates.issue(fx.signer, draft))
                .isInstanceOf(CertificateRuleException.class).hasMessageContaining("only an approved calibration");
    }

    @Test
    void refusesASecondCertificateForTheSameCalibration() {
        long calibration = fx.approvedCalibration();
        fx.certificates.issue(fx.signer, calibration);
        assertThatThrownBy(() -> fx.certificates.issue(fx.signer, calibration))
                .isInstanceOf(CertificateRuleException.class).hasMessageContaining("amend it instead");
    }

    @Test
    void onlyATechnicianOfThePerformingLabSignsAndToAnotherLabTheCalibrationIsNotFound() {
        long calibration = fx.approvedCalibration();
        // neither performed by nor for the other lab: not found to it, as for reads
        assertThatThrownBy(() -> fx.certificates.issue(fx.otherLabSigner, calibration))
                .isInstanceOf(CertificateNotFoundException.class);
        // the customer knows the calibration, but does not sign its certificate
        var customerTechnician = new CertificateSigner(fx.otherLabSigner.userId(), "xmtech", "王工", fx.customer, true);
        assertThatThrownBy(() -> fx.certificates.issue(customerTechnician, calibration))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void amendmentIssuesTheNextRevisionNamingItsPredecessorAndSupersedesIt() throws IOException {
        long calibration = fx.approvedCalibration();
        CertificateSummary first = fx.certificates.issue(fx.signer, calibration);
        byte[] firstPdf = fx.certificates.pdf(fx.officer, first.number(), 1).pdf();

        CertificateSummary second = fx.certificates.amend(fx.signer, first.number(), "送检单位地址更正 customer address corrected");

        assertThat(second.revision()).isEqualTo(2);
        var rev1 = fx.certificates.pdf(fx.officer, first.number(), 1);
        assertThat(rev1.status()).isEqualTo(CertificateStatus.SUPERSEDED);
        assertThat(Arrays.equals(rev1.pdf(), firstPdf)).as("revision 1 is kept as issued").isTrue();
        String text = text(fx.certificates.pdf(fx.customerViewer, first.number(), null).pdf());
        assertThat(text).contains("本证书替代 " + first.number() + " 第 1 版",
                "replaces " + first.number() + " revision 1", "customer address corrected", "Revision 2");
        assertThat(fx.dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("certificate"))).isEqualTo(3);
    }

    @Test
    void anotherLabCannotSeeOrFetchTheCertificate() {
        var issued = fx.certificates.issue(fx.signer, fx.approvedCalibration());
        assertThat(fx.certificates.list(fx.otherLabViewer, CertificateFilter.any(), new PageRequest(0, 50)).items())
                .isEmpty();
        assertThat(fx.certificates.list(fx.customerViewer, CertificateFilter.any(), new PageRequest(0, 50)).items())
                .extracting(CertificateSummary::number).containsExactly(issued.number());
        assertThatThrownBy(() -> fx.certificates.pdf(fx.otherLabViewer, issued.number(), null))
                .isInstanceOf(CertificateNotFoundException.class);
    }

    @Test
    void verifiesWithTheCodeAndRejectsATamperedPdf() {
        var issued = fx.certificates.issue(fx.signer, fx.approvedCalibration());
        IssuedCertificate pdf = fx.certificates.pdf(fx.officer, issued.number(), null);
        String code = fx.dsl.select(org.metrolims.db.jooq.Tables.CERTIFICATE.VERIFICATION_CODE)
                .from(org.metrolims.db.jooq.Tables.CERTIFICATE)
                .fetchOne(org.metrolims.db.jooq.Tables.CERTIFICATE.VERIFICATION_CODE);

        var verification = fx.certificates.verify(issued.number(), code.toLowerCase());
        assertThat(verification).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(CertificateStatus.VALID);
            assertThat(v.issuerEn()).isEqualTo("Fujian Institute of Metrology");
            assertThat(v.signedBy()).isEqualTo("李工");
        });
        assertThat(fx.certificates.verify(issued.number(), "AAAA-AAAA")).isEmpty();

        assertThat(fx.certificates.check(issued.number(), pdf.pdf()).matches()).isTrue();
        byte[] tampered = pdf.pdf().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(fx.certificates.check(issued.number(), tampered).matches()).isFalse();
    }

    @Test
    void withdrawalKeepsTheCertificateButShowsItWithdrawn() {
        var issued = fx.certificates.issue(fx.signer, fx.approvedCalibration());
        fx.certificates.withdraw(fx.signer, issued.number(), "instrument found damaged");
        assertThat(fx.certificates.pdf(fx.customerViewer, issued.number(), null).status())
                .isEqualTo(CertificateStatus.WITHDRAWN);
        assertThatThrownBy(() -> fx.certificates.amend(fx.signer, issued.number(), "x"))
                .isInstanceOf(CertificateRuleException.class);
    }

    static String text(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
