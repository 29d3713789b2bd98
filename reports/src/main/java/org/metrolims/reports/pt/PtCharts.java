package org.metrolims.reports.pt;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.SimpleHistogramBin;
import org.jfree.data.statistics.SimpleHistogramDataset;
import org.metrolims.proficiency.statistics.Performance;

/**
 * The two charts of a PT final report, drawn with JFreeChart to images at twice their printed size: the score of
 * each lab code as a bar with the warning and action limits (ISO 13528:2022 10.5.2, 9.4.2), and the distribution of
 * the results as a histogram with x_pt and x_pt ± 2 / ± 3 sigma_pt marked (10.3). Text in the CJK font of the
 * reports, so Chinese labels draw.
 */
final class PtCharts {

    static final int WIDTH = 515;
    static final int HEIGHT = 210;
    private static final int SCALE = 2;
    static final int MAX_BINS = 60;

    private static final Color SATISFACTORY = new Color(0x3B7D4F);
    private static final Color QUESTIONABLE = new Color(0xD89B1E);
    private static final Color UNSATISFACTORY = new Color(0xC0392B);
    private static final Font BASE = loadFont();

    private PtCharts() {
    }

    /** One bar of the score chart. */
    record Bar(String labCode, double score, Performance signal) {
    }

    /**
     * Bars of the scores by lab code; limits at ±2 and ±3 (for E_n at ±1). Scores beyond ±10 are clipped to the
     * axis so that one outlier does not flatten the others.
     */
    static BufferedImage scores(List<Bar> bars, String scoreName, boolean en) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double max = en ? 2 : 4;
        for (Bar b : bars) {
            double clipped = Math.max(-10, Math.min(10, b.score()));
            data.addValue(clipped, scoreName, b.labCode());
            max = Math.max(max, Math.abs(clipped) * 1.1);
        }
        CategoryAxis x = new CategoryAxis("实验室代码 Lab code");
        x.setCategoryLabelPositions(bars.size() > 14 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        NumberAxis y = new NumberAxis(scoreName);
        y.setRange(-max, max);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colour(bars.get(column).signal());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.06);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        double[] limits = en ? new double[] {1, -1} : new double[] {3, 2, -2, -3};
        for (double limit : limits) {
            ValueMarker m = new ValueMarker(limit, Math.abs(limit) >= 3 || en ? UNSATISFACTORY : QUESTIONABLE,
                    dashed());
            m.setLabel((limit > 0 ? "+" : "") + (int) limit);
            m.setLabelFont(BASE.deriveFont(8f));
            m.setLabelAnchor(RectangleAnchor.LEFT);
            m.setLabelTextAnchor(limit > 0 ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(0.8f)), Layer.FOREGROUND);
        return draw(plot, scoreName + " 值 " + scoreName + " scores");
    }

    /**
     * The histogram of the results. Bins sigma_pt / 2 wide with an edge on x_pt so the ±2 and ±3 sigma_pt marks fall
     * on edges, spanning the results and x_pt ± 3.5 sigma_pt; more than {@value #MAX_BINS} such bins (a far
     * outlier) fall back to Sturges' ceil(log2 n) + 1 bins over the results' span.
     */
    static BufferedImage distribution(double[] results, double assignedValue, double sigmaPt, String unit) {
        double min = assignedValue - 3.5 * sigmaPt;
        double max = assignedValue + 3.5 * sigmaPt;
        double dataMin = Double.POSITIVE_INFINITY;
        double dataMax = Double.NEGATIVE_INFINITY;
        for (double v : results) {
            dataMin = Math.min(dataMin, v);
            dataMax = Math.max(dataMax, v);
        }
        min = Math.min(min, dataMin);
        max = Math.max(max, dataMax);
        double width = sigmaPt / 2;
        double lo = assignedValue - Math.ceil((assignedValue - min) / width) * width;
        int bins = (int) Math.ceil((max - lo) / width);
        if (bins < 1 || bins > MAX_BINS) {
            lo = dataMin;
            bins = (int) Math.ceil(Math.log(results.length) / Math.log(2)) + 1;
            width = dataMax > dataMin ? (dataMax - dataMin) / bins : 1;
        }
        SimpleHistogramDataset data = new SimpleHistogramDataset("results");
        data.setAdjustForBinSize(false);
        for (int i = 0; i < bins; i++) {
            data.addBin(new SimpleHistogramBin(lo + i * width, lo + (i + 1) * width, true, i == bins - 1));
        }
        for (double v : results) {
            data.addObservation(Math.max(lo, Math.min(lo + bins * width, v)), false);
        }
        NumberAxis x = new NumberAxis("结果 Result" + (unit == null || unit.isBlank() ? "" : " (" + unit + ")"));
        x.setRange(lo - width / 2, lo + bins * width + width / 2);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("实验室数 Labs");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer renderer = new XYBarRenderer(0.05);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x4A6FA5));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        mark(plot, assignedValue, "xpt", Color.BLACK);
        for (int k : new int[] {-3, -2, 2, 3}) {
            mark(plot, assignedValue + k * sigmaPt, (k > 0 ? "+" : "") + k + "σpt",
                    Math.abs(k) == 3 ? UNSATISFACTORY : QUESTIONABLE);
        }
        return draw(plot, "结果分布 Distribution of results");
    }

    private static void mark(XYPlot plot, double at, String label, Color colour) {
        ValueMarker m = new ValueMarker(at, colour, dashed());
        m.setLabel(label);
        m.setLabelFont(BASE.deriveFont(8f));
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(m, Layer.FOREGROUND);
    }

    private static BufferedImage draw(org.jfree.chart.plot.Plot plot, String title) {
        JFreeChart chart = new JFreeChart(title, BASE.deriveFont(Font.BOLD, 10f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot c) {
            style(c.getDomainAxis(), c.getRangeAxis());
            c.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (plot instanceof XYPlot xy) {
            style(xy.getDomainAxis(), xy.getRangeAxis());
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
            xy.setDomainGridlinesVisible(false);
        }
        // opaque RGB, no alpha channel: the PDF exporter then embeds the image without a soft mask, which is most
        // of the cost of a chart in the report
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void style(org.jfree.chart.axis.Axis x, org.jfree.chart.axis.Axis y) {
        for (var axis : new org.jfree.chart.axis.Axis[] {x, y}) {
            axis.setLabelFont(BASE.deriveFont(9f));
            axis.setTickLabelFont(BASE.deriveFont(8f));
        }
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
    }

    private static Color colour(Performance p) {
        return switch (p) {
            case SATISFACTORY -> SATISFACTORY;
            case QUESTIONABLE -> QUESTIONABLE;
            case UNSATISFACTORY -> UNSATISFACTORY;
        };
    }

    private static Font loadFont() {
        try (InputStream in = PtCharts.class.getResourceAsStream("/fonts/wqy-microhei-gb2312.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the report font fonts/wqy-microhei-gb2312.ttf is missing");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the report font", e);
        }
    }
}
