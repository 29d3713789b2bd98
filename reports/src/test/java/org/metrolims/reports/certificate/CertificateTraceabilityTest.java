package org.metrolims.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;

/**
 * The certificate's traceability statement prints the whole chain of each reference standard as computed by
 * {@code calibration.traceability} on the calibration day (ISO/IEC 17025:2017 7.8.4.1, 6.5), and never claims
 * traceability over a broken link.
 */
class CertificateTraceabilityTest {

    static CertificateTemplate template;
    CertificateFixture fx;

    @BeforeAll
    static void compileOnce() {
        template = new CertificateTemplate();
    }

    @BeforeEach
    void province() {
        fx = new CertificateFixture(TestDatabase.newSchema(CertificateTraceabilityTest.class).dsl(), template);
    }

    @Test
    void printsEveryLevelOfATwoLevelChainUpToTheNationalMetrologyInstitute() throws Exception {
        long calibration = fx.approvedCalibrationWith(fx.twoLevelStandard());

        var issued = fx.certificates.issue(fx.signer, calibration);
        String text = CertificatesTest.text(fx.certificates.pdf(fx.officer, issued.number(), null).pdf());

        assertPrinted(text,
                // the reference standard used, as of the calibration day
                "STD-GB-2", "二等量块标准装置", "Grade 2 gauge blocks", "2026-03-03",
                // level 1: the institute's certificate of its blocks, against the provincial highest standard
                "第 1 级", "level 1", "FJIM-2025-0888", "福建省计量科学研究院校准", "2025-09-01", "2026-08-31",
                "STD-GB-0", "一等量块标准装置",
                // level 2: the national metrology institute's certificate, the root
                "第 2 级", "level 2", "NIM-L-2025-0117", "由中国计量科学研究院校准", "calibrated by 中国计量科学研究院",
                "2025-05-10", "2026-05-09", "溯源链终点（国家计量院）", "root of the chain (national metrology institute)",
                "测量结果经上述不间断的校准链溯源至国家计量基准和国际单位制（SI）",
                "unbroken chain of calibrations the results are traceable");
        assertThat(text).doesNotContain("断链", "BROKEN");
        assertThat(flat(text, "").indexOf("FJIM-2025-0888")).as("levels in order, up the chain")
                .isLessThan(flat(text, "").indexOf("NIM-L-2025-0117"));
        assertThat(fx.dsl.select(AUDIT_EVENT.AFTER_STATE).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("ISSUE"))
                .fetchSingle(AUDIT_EVENT.AFTER_STATE)).contains("\"traceable\":true");
    }

    @Test
    void aBrokenLinkIsPrintedAndTraceabilityIsNotClaimed() throws Exception {
        long standard = fx.twoLevelStandard();
        fx.suspendTopStandard();
        long calibration = fx.approvedCalibrationWith(standard);

        var issued = fx.certificates.issue(fx.signer, calibration);
        String text = CertificatesTest.text(fx.certificates.pdf(fx.officer, issued.number(), null).pdf());

        assertPrinted(text, "FJIM-2025-0888", "断链：上级标准当日不在有效使用状态",
                "BROKEN: reference standard not in service that day",
                "本证书不声明测量结果溯源至国家计量基准和国际单位制（SI）",
                "does not state that the results are traceable");
        assertThat(flat(text, "")).doesNotContain("不间断的校准链");
        assertThat(flat(text, " ")).doesNotContain("unbroken chain");
        assertThat(fx.dsl.select(AUDIT_EVENT.AFTER_STATE).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("ISSUE"))
                .fetchSingle(AUDIT_EVENT.AFTER_STATE)).contains("\"traceable\":false", "REFERENCE_NOT_IN_SERVICE");
    }

    @Test
    void aBatchWalksEachChainOnceAndPrintsTheSameStatementAsASingleIssue() throws Exception {
        long standard = fx.twoLevelStandard();
        long single = fx.approvedCalibrationWith(standard);
        String alone = traceability(fx.certificates.issue(fx.signer, single).number());
        var inBatch = java.util.List.of(fx.approvedCalibrationWith(standard), fx.approvedCalibrationWith(standard));
        var batches = new CertificateBatches(fx.certificates, new CertificateBatchRepository(fx.dsl),
                new org.metrolims.db.audit.AuditTrail(fx.dsl),
                new org.springframework.transaction.support.TransactionTemplate(new CertificateBatchesTest.AutoCommit()));

        CertificateBatch batch = batches.start(fx.signer);
        batches.run(batch.id(), fx.signer);

        // the batch also issues the institute's own calibration of STD-GB-2's blocks (approved, uncertified)
        assertThat(batches.find(batch.id()).orElseThrow().failed()).isZero();
        var numbers = fx.dsl.select(CERTIFICATE.CERTIFICATE_NO).from(CERTIFICATE)
                .where(CERTIFICATE.CALIBRATION_ID.in(inBatch)).fetch(CERTIFICATE.CERTIFICATE_NO);
        assertThat(numbers).hasSize(2);
        for (String number : numbers) {
            assertThat(traceability(number)).isEqualTo(alone).contains("NIM-L-2025-0117");
        }
    }

    /** The traceability section of a certificate's text, from its heading to the statement of conformity. */
    private String traceability(String number) throws Exception {
        String text = flat(CertificatesTest.text(fx.certificates.pdf(fx.officer, number, null).pdf()), " ");
        return text.substring(text.indexOf("计量溯源性"), text.indexOf("符合性声明"));
    }

    @Test
    void anIssuedCertificateKeepsItsStoredBytesWhenTheChainChangesLater() {
        long standard = fx.twoLevelStandard();
        var issued = fx.certificates.issue(fx.signer, fx.approvedCalibrationWith(standard));
        byte[] before = fx.dsl.select(CERTIFICATE.PDF).from(CERTIFICATE).fetchSingle(CERTIFICATE.PDF);

        fx.suspendTopStandard();

        byte[] after = fx.certificates.pdf(fx.officer, issued.number(), null).pdf();
        assertThat(Arrays.equals(before, after)).as("served byte for byte as issued").isTrue();
    }

    /**
     * Each phrase is printed, wherever the template wrapped its lines: Chinese wraps between characters (joined
     * without a space), English between words (joined with one).
     */
    private static void assertPrinted(String text, String... phrases) {
        String zh = flat(text, "");
        String en = flat(text, " ");
        for (String phrase : phrases) {
            assertThat(zh.contains(phrase) || en.contains(phrase)).as("printed: " + phrase + "\n" + en).isTrue();
        }
    }

    private static String flat(String text, String joiner) {
        return text.replaceAll("[ \\t]*\\R\\s*", joiner);
    }
}
