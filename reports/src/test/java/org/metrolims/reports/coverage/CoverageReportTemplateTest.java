package org.metrolims.reports.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.Figure;
import org.metrolims.calibration.coverage.TargetProjection.Outcome;
import org.metrolims.calibration.coverage.TargetProjection.Projection;

/** Renders the coverage report from a hand-made value record and reads the PDF back. */
class CoverageReportTemplateTest {

    static CoverageReportTemplate template;

    @BeforeAll
    static void compileOnce() {
        template = new CoverageReportTemplate();
    }

    @Test
    void printsTheFiguresAgainstTargetsTheTablesTheProjectionsAndTheChartsInBothLanguages() throws IOException {
        byte[] pdf = template.render(sample());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\R\\s*", " ");
            assertThat(text).contains("计量标准与量值溯源覆盖情况报告",
                    "Report on measurement standards and traceability coverage", "福建省", "350000", "2026-11-01",
                    // public standards: 1668 of the target 2000, gap 332
                    "社会公用计量标准", "Public standards", "1668", "2000", "332",
                    // traceability coverage 969 / 1109 = 0.8738 against 0.95: gap 0.0762
                    "量值溯源覆盖率", "Traceability coverage", "87.38 %", "95.00 %", "7.62 %", "969", "1109",
                    // capability coverage met
                    "92.00 %", "90.00 %", "是 Yes",
                    // projections
                    "2027-03", "2026-12", "2027-09", "预计可达标", "Projected", "已达标", "Already met",
                    "Not at the current pace", "未定 open",
                    // by city and by discipline
                    "福州市", "Fuzhou", "厦门市", "Xiamen", "45 / 50", "几何量", "Length", "热学", "Thermal",
                    "月度趋势", "Monthly trend");
            List<String> lines = new PDFTextStripper().getText(doc).lines().map(String::strip).toList();
            for (String outcome : List.of("按当前速度无法达标", "Not at the current pace", "预计可达标", "Projected",
                    "已达标", "Already met")) {
                assertThat(lines).as("the outcome %s ends a line, not wrapped word by word", outcome)
                        .anyMatch(line -> line.endsWith(" " + outcome) || line.equals(outcome));
            }
            int pages = doc.getNumberOfPages();
            assertThat(text).contains("第 1 页 共 " + pages + " 页", "Page 1 of " + pages,
                    "Page " + pages + " of " + pages);

            TreeSet<String> notEmbedded = new TreeSet<>();
            int images = 0;
            for (PDPage page : doc.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
                for (var name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(notEmbedded).as("fonts not embedded").isEmpty();
            assertThat(images).as("the four trend charts").isEqualTo(4);
        }
    }

    @Test
    void theEmbeddedFontHasAGlyphForEveryCharacterTheReportPrints() throws Exception {
        Font font;
        try (InputStream in = getClass().getResourceAsStream("/fonts/wqy-microhei-gb2312.ttf")) {
            font = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        StringBuilder all = new StringBuilder();
        CoverageReportWording.rows(sample()).forEach(r -> all.append(r.c0()).append(r.c1()).append(r.c2())
                .append(r.c3()).append(r.c4()).append(r.c5()).append(r.c6()));
        try (InputStream in = CoverageReportTemplate.class.getResourceAsStream("coverage-report.jrxml")) {
            all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        TreeSet<String> missing = new TreeSet<>();
        all.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                .filter(cp -> !font.canDisplay(cp))
                .forEach(cp -> missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp)));
        assertThat(missing).as("characters without a glyph").isEmpty();
    }

    static CoverageReportData sample() {
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        CoverageFigures province = figures(asOf, "350000", 1668, 312, 969, 1109, 1020, 1109);
        List<CoverageFigures> trend = new ArrayList<>();
        for (int i = 11; i >= 1; i--) {
            trend.add(figures(YearMonth.from(asOf).minusMonths(i).atEndOfMonth(), "350000", 1600 + 6 * (11 - i),
                    300 + (11 - i), 900 + 6 * (11 - i), 1109, 1000 + 2 * (11 - i), 1109));
        }
        trend.add(province);
        Map<String, Projection> projections = Map.of(
                "publicStandards", new Projection(Outcome.PROJECTED, 6.2, 0.4, Optional.of(YearMonth.of(2026, 12)),
                        Optional.of(YearMonth.of(2027, 3)), Optional.of(YearMonth.of(2027, 9))),
                "provincialStandards", new Projection(Outcome.NOT_AT_CURRENT_PACE, -0.1, 0.3, Optional.empty(),
                        Optional.empty(), Optional.empty()),
                "traceabilityCoverage", new Projection(Outcome.PROJECTED, 0.0054, 0.001,
                        Optional.of(YearMonth.of(2027, 9)), Optional.of(YearMonth.of(2028, 1)), Optional.empty()),
                "capabilityCoverage", new Projection(Outcome.ALREADY_MET, Double.NaN, Double.NaN, Optional.empty(),
                        Optional.empty(), Optional.empty()));
        return new CoverageReportData(asOf, LocalDate.of(2026, 11, 2), "350000", "福建省", "Fujian",
                new CoverageFigures(asOf, "350000", Optional.empty(), province.publicStandards(),
                        province.provincialStandards(), province.traceabilityCoverage(),
                        new Figure("capabilityCoverage", new BigDecimal("0.9200"), new BigDecimal("0.90"), 1020, 1109,
                                new BigDecimal("0.0000"), true)),
                projections,
                List.of(new CoverageReportData.Area("350100", "福州市", "Fuzhou",
                                figures(asOf, "350100", 420, 150, 45, 50, 47, 50)),
                        new CoverageReportData.Area("350200", "厦门市", "Xiamen",
                                figures(asOf, "350200", 260, 60, 30, 40, 33, 40))),
                List.of(new CoverageReportData.Area("LENGTH", "几何量", "Length",
                                figures(asOf, "350000", 300, 60, 200, 220, 210, 220)),
                        new CoverageReportData.Area("THERMAL", "热学", "Thermal",
                                figures(asOf, "350000", 200, 40, 100, 130, 110, 130))),
                trend);
    }

    private static CoverageFigures figures(LocalDate asOf, String region, long publicCount, long provincial,
            long traceable, long demand, long capable, long demand2) {
        return new CoverageFigures(asOf, region, Optional.empty(), count("publicStandards", publicCount, 2000),
                count("provincialStandards", provincial, 350),
                ratio("traceabilityCoverage", traceable, demand, "0.95"),
                ratio("capabilityCoverage", capable, demand2, "0.90"));
    }

    private static Figure count(String name, long n, int target) {
        return new Figure(name, BigDecimal.valueOf(n), BigDecimal.valueOf(target), n, target,
                BigDecimal.valueOf(Math.max(0, target - n)), n >= target);
    }

    private static Figure ratio(String name, long n, long d, String target) {
        BigDecimal value = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(d), 4, java.math.RoundingMode.HALF_EVEN);
        BigDecimal t = new BigDecimal(target);
        return new Figure(name, value, t, n, d, t.subtract(value).max(BigDecimal.ZERO).setScale(4), value.compareTo(t) >= 0);
    }
}
