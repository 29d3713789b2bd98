package org.metrolims.app.proficiency;

import java.util.ArrayList;
import java.util.List;
import org.metrolims.proficiency.scoring.LabRoundScore;

/**
 * A z-score bar chart by lab code, laid out in Java and drawn by the template as inline SVG (no script): one bar per
 * lab from the zero line, and dashed lines at z = ±2 (warning) and ±3 (action), ISO 13528:2022 9.4.2. Public because
 * the templates read it by reflection.
 */
public record ZScoreChart(int width, int height, double zeroY, List<Bar> bars, List<Limit> limits) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    static final int LEFT = 40;

    public ZScoreChart {
        bars = List.copyOf(bars);
        limits = List.copyOf(limits);
    }

    /** One lab's bar; {@code css} is the classification in lower case, for colour. */
    public record Bar(String labCode, double x, double y, double barWidth, double barHeight, double labelX,
            double labelY, String z, String css) {
    }

    /** A horizontal line at z = {@code z}. */
    public record Limit(String label, double y) {
    }

    static ZScoreChart of(List<LabRoundScore> scores) {
        double max = 4;
        for (LabRoundScore s : scores) {
            if (s.z() != null) {
                max = Math.max(max, Math.min(10, Math.abs(s.z())));
            }
        }
        double plot = HEIGHT - TOP - BOTTOM;
        double zeroY = TOP + plot / 2;
        double perUnit = plot / 2 / max;
        double slot = (WIDTH - LEFT - 8.0) / Math.max(1, scores.size());
        double barWidth = Math.max(4, slot * 0.6);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            LabRoundScore s = scores.get(i);
            double z = s.z() == null ? 0 : Math.max(-max, Math.min(max, s.z()));
            double h = Math.abs(z) * perUnit;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(s.labCode(), round(x), round(z >= 0 ? zeroY - h : zeroY), round(barWidth), round(h),
                    round(x + barWidth / 2), HEIGHT - BOTTOM + 16,
                    s.z() == null ? "" : String.format("%.2f", s.z()), s.classification().name().toLowerCase()));
        }
        List<Limit> limits = new ArrayList<>();
        for (int z : new int[] {3, 2, -2, -3}) {
            limits.add(new Limit((z > 0 ? "+" : "") + z, round(zeroY - z * perUnit)));
        }
        return new ZScoreChart(WIDTH, HEIGHT, round(zeroY), bars, limits);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
