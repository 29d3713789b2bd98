package org.metrolims.reports.pt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PtReportTemplatesTest {

    static PtReportTemplates templates;

    @BeforeAll
    static void compileOnce() {
        templates = new PtReportTemplates();
    }

    @Test
    void reportPrintsTheAssignedValueSigmaPtVerdictsAndEveryLabCodeWithItsScores() throws IOException {
        String text = text(templates.report(SamplePtReports.round(12)));
        assertThat(text).contains("能力验证结果报告", "PROFICIENCY TESTING FINAL REPORT", "PT-GB-2026-01",
                "量块中心长度比对", "Gauge block central length comparison", "中心长度", "10.000 mm", "0.0100 mm",
                "0.1000 mm", "参考值", "Reference value (ISO 13528:2022 7.3)", "Fixed by the scheme",
                "Sufficiently homogeneous", "稳定 Stable", "x* = 10.004 mm");
        for (int i = 1; i <= 12; i++) {
            assertThat(text).contains("L%03d".formatted(i));
        }
        // lab L003 reported 10.215 mm: z = 2.15, questionable; lab L005 10.310 mm... -0.31: z = -3.10
        assertThat(text).contains("10.215", "2.15", "可疑 Questionable", "9.690", "-3.10", "不满意 Unsatisfactory",
                "满意 Satisfactory");
        // zeta of L001: 0.05 / sqrt(0.02² + 0.01²) = 2.236
        assertThat(text).contains("2.24");
    }

    @Test
    void reportCarriesTheTwoChartsAsImages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(templates.report(SamplePtReports.round(12)))) {
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        assertThat(image.getWidth()).as("drawn at twice the printed width").isEqualTo(1030);
                    }
                }
            }
            assertThat(images).isEqualTo(2);
        }
    }

    @Test
    void numbersEveryPageAsPageXOfYInBothLanguages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(templates.report(SamplePtReports.round(70)))) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int p = 1; p <= pages; p++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(doc)).contains("第 " + p + " 页 Page " + p + " / " + pages,
                        "PT-GB-2026-01");
            }
        }
    }

    @Test
    void embedsEveryFontItUses() throws IOException {
        for (byte[] pdf : List.of(templates.report(SamplePtReports.round(5)),
                templates.letter(SamplePtReports.letter(SamplePtReports.round(5), "L003")))) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                List<String> fonts = new ArrayList<>();
                for (PDPage page : doc.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        fonts.add(font.getName());
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    }
                }
                assertThat(fonts).isNotEmpty().allMatch(n -> n.contains("WenQuanYi"));
            }
        }
    }

    @Test
    void letterIsAddressedToTheLabWithItsOwnScoresAndHistoryAndNoOtherLab() throws IOException {
        PtRoundReport round = SamplePtReports.round(12);
        String text = text(templates.letter(SamplePtReports.letter(round, "L003")));
        assertThat(text).contains("能力验证结果通知书", "PROFICIENCY TESTING RESULT LETTER", "厦门市计量检定测试院",
                "Xiamen Institute of Measurement and Testing", "L003", "10.215 mm", "z = 2.15", "可疑 Questionable",
                "PT-GB-2025-02", "z = 2.62", "本轮 this round", "10.000 mm", "第 1 页 Page 1 / 1");
        for (var row : round.rows()) {
            if (!row.labCode().equals("L003")) {
                assertThat(text).doesNotContain(row.labCode());
            }
        }
    }

    @Test
    void letterToALabWithoutAResultSaysSo() throws IOException {
        PtRoundReport round = SamplePtReports.round(3);
        String text = text(templates.letter(new PtLabLetter(round, "某实验室", "Some lab", "L099", List.of(), false)));
        assertThat(text).contains("本轮未提交结果 No result was reported in this round", "L099");
    }

    @Test
    void valuesArePrintedToTwoSignificantDigitsOfSigmaPtPlusOne() {
        assertThat(PtWording.decimals(0.1)).isEqualTo(3);
        assertThat(PtWording.decimals(0.05)).isEqualTo(4);
        assertThat(PtWording.decimals(2.5)).isEqualTo(2);
        assertThat(PtWording.decimals(150)).isEqualTo(0);
    }

    @Test
    void anIssuedReportOrLetterIsTheSameBytesForTheSameIssueAndARevisionSaysWhatItReplaces() throws Exception {
        PtRoundReport round = SamplePtReports.round(12);
        PtIssue issue = PtIssue.first(java.time.Instant.parse("2026-06-03T01:00:00Z"), java.time.ZoneId.of(
                "Asia/Shanghai"));
        byte[] report = templates.report(round, issue);
        byte[] letter = templates.letter(SamplePtReports.letter(round, "L003"), issue);
        Thread.sleep(1_100);

        assertThat(templates.report(round, issue)).isEqualTo(report);
        assertThat(templates.letter(SamplePtReports.letter(round, "L003"), issue)).isEqualTo(letter);
        assertThat(text(report)).contains("2026-06-03");

        PtIssue second = new PtIssue(java.time.Instant.parse("2026-06-20T08:00:00Z"), issue.zone(), 2,
                "更正 L003 的结果录入错误 L003's result was entered wrongly");
        String revised = text(templates.letter(SamplePtReports.letter(round, "L003"), second));
        assertThat(revised).contains("2026-06-20", "第 2 版，替代第 1 版", "Revision 2, replaces revision 1",
                "L003's result was entered wrongly");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
