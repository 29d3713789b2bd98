package org.metrolims.reports.coverage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.Figure;

/**
 * The trend charts of the coverage report (JFreeChart): one figure's month-end values as a line, its target as a
 * dashed line, drawn at twice the printed size so that the PDF stays sharp. Ratios are plotted in percent. The
 * labels use the report's CJK font (the same subset the PDF embeds), so Chinese draws in the image too.
 */
final class CoverageCharts {

    static final int WIDTH = 500;
    static final int HEIGHT = 320;
    private static final Font FONT = loadFont();

    private CoverageCharts() {
    }

    static BufferedImage trend(List<CoverageFigures> series, Function<CoverageFigures, Figure> figure) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Figure last = figure.apply(series.getLast());
        boolean ratio = CoverageReportWording.ratio(last);
        String valueKey = "数值 value";
        String targetKey = "目标 target";
        for (CoverageFigures point : series) {
            String month = point.asOf().toString().substring(0, 7);
            Figure f = figure.apply(point);
            data.addValue(scaled(f.value().doubleValue(), ratio), valueKey, month);
            data.addValue(scaled(f.target().doubleValue(), ratio), targetKey, month);
        }
        CategoryAxis months = new CategoryAxis();
        months.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        months.setTickLabelFont(FONT.deriveFont(14f));
        NumberAxis values = new NumberAxis(ratio ? "%" : "");
        values.setAutoRangeIncludesZero(false);
        values.setTickLabelFont(FONT.deriveFont(14f));
        values.setLabelFont(FONT.deriveFont(14f));
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, new Color(0x1F, 0x5F, 0x99));
        lines.setSeriesStroke(0, new BasicStroke(3f));
        lines.setSeriesPaint(1, new Color(0xC0, 0x39, 0x2B));
        lines.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        lines.setSeriesShapesVisible(1, false);
        CategoryPlot plot = new CategoryPlot(data, months, values, lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        JFreeChart chart = new JFreeChart(null, FONT.deriveFont(Font.BOLD, 18f), plot, true);
        chart.setTitle(new TextTitle(CoverageReportWording.nameZh(last.name()) + "  "
                + CoverageReportWording.nameEn(last.name()), FONT.deriveFont(18f)));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT.deriveFont(14f));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart.createBufferedImage(WIDTH * 2, HEIGHT * 2);
    }

    private static double scaled(double v, boolean ratio) {
        return ratio ? v * 100 : v;
    }

    private static Font loadFont() {
        try (InputStream in = CoverageCharts.class.getResourceAsStream("/fonts/wqy-microhei-gb2312.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the report font is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the report font", e);
        }
    }
}
