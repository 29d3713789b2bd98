package org.metrolims.reports.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;

class CertificateTemplateTest {

    static CertificateTemplate template;

    @BeforeAll
    static void compileOnce() {
        template = new CertificateTemplate();
    }

    @Test
    void theSameCertificateIssuedAtTheSameInstantHasTheSameBytesAndCarriesThatInstantAsItsDates()
            throws Exception {
        java.time.Instant issued = java.time.Instant.parse("2026-10-30T02:15:00Z");
        byte[] first = template.render(SampleCertificates.withRows(3, null, null), issued);
        Thread.sleep(1_100); // a PDF date has seconds: a later export stamped "now" would differ
        byte[] second = template.render(SampleCertificates.withRows(3, null, null), issued);
        byte[] later = template.render(SampleCertificates.withRows(3, null, null), issued.plusSeconds(60));

        assertThat(second).as("creation and modification dates, file ID and font subset tags").isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
        try (PDDocument doc = Loader.loadPDF(first)) {
            var info = doc.getDocumentInformation();
            assertThat(info.getCreationDate().toInstant()).isEqualTo(issued);
            assertThat(info.getModificationDate().toInstant()).isEqualTo(issued);
            var id = doc.getDocument().getDocumentID();
            assertThat(id.size()).isEqualTo(2);
            assertThat(id.getString(0)).isEqualTo(id.getString(1));
        }
    }

    @Test
    void printsNumbersChineseAndEnglishOnTheCertificate() throws IOException {
        byte[] pdf = template.render(SampleCertificates.withRows(3, null, null));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("校准证书", "CALIBRATION CERTIFICATE", "FJIM-2026-000123", "福建省计量科学研究院",
                    "Fujian Institute of Metrology", "CNAS L0001", "30.0003", "0.00024", "0.9545", "合格 Pass",
                    "JJG 30-2012", "K7Q2-M9XP", "授权签字人");
        }
    }

    @Test
    void numbersEveryPageAsPageXOfY() throws IOException {
        byte[] pdf = template.render(SampleCertificates.withRows(120, null, null));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            for (int p = 1; p <= pages; p++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertThat(text).contains("Page " + p + " of " + pages, "第 " + p + " 页 共 " + pages + " 页",
                        "FJIM-2026-000123");
            }
        }
    }

    @Test
    void embedsEveryFontItUses() throws IOException {
        byte[] pdf = template.render(SampleCertificates.withRows(2, null, null));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            assertThat(fonts).anyMatch(n -> n.contains("WenQuanYi"));
        }
    }

    @Test
    void aRevisionNamesTheCertificateItReplaces() throws IOException {
        byte[] pdf = template.render(SampleCertificates.withRows(1, "本证书替代 FJIM-2026-000123 第 1 版，原因：更正送检单位名称。",
                "This certificate replaces FJIM-2026-000123 revision 1. Reason: customer name corrected."));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("替代 FJIM-2026-000123 第 1 版",
                    "replaces FJIM-2026-000123 revision 1");
        }
    }

    @Test
    void theQrCodeOnThePageLeadsToTheVerificationPage() throws Exception {
        byte[] pdf = template.render(SampleCertificates.withRows(2, null, null));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the top right corner of page 1 (the symbol is 80 pt wide at x 475..555, y 30..110), at 300 dpi
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 300);
            double scale = 300 / 72.0;
            BufferedImage corner = page.getSubimage((int) (440 * scale), 0, (int) (155 * scale), (int) (140 * scale));
            int[] pixels = corner.getRGB(0, 0, corner.getWidth(), corner.getHeight(), null, 0, corner.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(corner.getWidth(), corner.getHeight(), pixels)));
            String text = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(text).isEqualTo("https://lims.example.org/verify/FJIM-2026-000123?code=K7Q2-M9XP");
        }
    }

    @Test
    void aQrSymbolHasTheModulesZxingEncoded() throws Exception {
        String url = "https://lims.example.org/verify/FJIM-2026-000123?code=K7Q2-M9XP";
        var matrix = new com.google.zxing.qrcode.QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
                        com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M,
                        com.google.zxing.EncodeHintType.MARGIN, 1));
        QrCodes.Symbol symbol = QrCodes.of(url);
        assertThat(symbol.size()).isEqualTo(matrix.getWidth());
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                assertThat(symbol.dark(x, y)).as("module %d,%d", x, y).isEqualTo(matrix.get(x, y));
            }
        }
    }
}
