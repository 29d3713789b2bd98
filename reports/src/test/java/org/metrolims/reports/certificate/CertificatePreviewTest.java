package org.metrolims.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/** The preview a reviewer and a signer read before signing: the certificate as it would be, marked, never kept. */
class CertificatePreviewTest {

    static CertificateTemplate template;
    CertificateFixture fx;

    @BeforeAll
    static void compileOnce() {
        template = new CertificateTemplate();
    }

    @BeforeEach
    void province() {
        fx = new CertificateFixture(TestDatabase.newSchema(CertificatePreviewTest.class).dsl(), template);
    }

    @Test
    void previewOfARecordUnderReviewIsTheCertificateMarkedNotIssuedAndStoresNothing() throws IOException {
        long draft = fx.draftCalibration();
        int certificates = fx.dsl.fetchCount(CERTIFICATE);
        int audit = fx.dsl.fetchCount(AUDIT_EVENT);

        byte[] pdf = fx.certificates.preview(new CertificateViewer(fx.institute, false), "王审核", draft);

        String text = CertificatesTest.text(pdf);
        // the mark runs up the page: the text extraction breaks it into short runs
        assertThat(text.replaceAll("\\s+", "")).contains("预览PREVIEW未签发NOTISSUED");
        assertThat(text).contains("not signed", "王审核",
                "厦门精密制造有限公司", "JJG 30-2012", "简单接受规则", "https://lims.example.org/verify/");
        assertThat(text).doesNotContain("Electronically signed, meaning: issued");
        assertThat(fx.dsl.fetchCount(CERTIFICATE)).isEqualTo(certificates);
        assertThat(fx.dsl.fetchCount(AUDIT_EVENT)).isEqualTo(audit);
    }

    @Test
    void anIssuedCertificateCarriesNoPreviewMark() throws IOException {
        CertificateSummary issued = fx.certificates.issue(fx.signer, fx.approvedCalibration());
        String text = CertificatesTest.text(fx.certificates.pdf(fx.officer, issued.number(), null).pdf());
        assertThat(text.replaceAll("\\s+", "")).doesNotContain("PREVIEW", "NOTISSUED");
        assertThat(text).contains("Electronically signed, meaning: issued");
    }

    @Test
    void theCustomerAndAnotherLabCannotPreviewTheLabsRecord() {
        long draft = fx.draftCalibration();
        assertThatThrownBy(() -> fx.certificates.preview(fx.customerViewer, "x", draft))
                .isInstanceOf(CertificateNotFoundException.class);
        assertThatThrownBy(() -> fx.certificates.preview(fx.otherLabViewer, "x", draft))
                .isInstanceOf(CertificateNotFoundException.class);
        // seeing all certificates is not seeing another lab's drafts
        assertThatThrownBy(() -> fx.certificates.preview(new CertificateViewer(fx.otherLab, true), "x", draft))
                .isInstanceOf(CertificateNotFoundException.class);
    }

    @Test
    void theIssuedCertificatePrintsTheVerifyAddressOnTheConfiguredBase() throws IOException {
        CertificateSummary issued = fx.certificates.issue(fx.signer, fx.approvedCalibration());
        String code = new CertificateRepository(fx.dsl).latest(issued.number()).orElseThrow().verificationCode();
        String text = CertificatesTest.text(fx.certificates.pdf(fx.officer, issued.number(), null).pdf())
                .replaceAll("\\s+", "");
        assertThat(text).contains("https://lims.example.org/verify/" + issued.number() + "?code=" + code);
    }
}
