package org.metrolims.reports.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.Figure;
import org.metrolims.calibration.coverage.TargetProjection.Projection;

/**
 * The report's tables, worded in both languages and formatted: counts as integers, ratios as percentages with two
 * decimals (the figure's own four-decimal value times 100, never re-rounded from a double).
 */
final class CoverageReportWording {

    private CoverageReportWording() {
    }

    static String nameZh(String figure) {
        return switch (figure) {
            case "publicStandards" -> "社会公用计量标准";
            case "provincialStandards" -> "省级社会公用计量标准";
            case "traceabilityCoverage" -> "量值溯源覆盖率";
            case "capabilityCoverage" -> "校准能力覆盖率";
            default -> figure;
        };
    }

    static String nameEn(String figure) {
        return switch (figure) {
            case "publicStandards" -> "Public standards";
            case "provincialStandards" -> "Provincial standards";
            case "traceabilityCoverage" -> "Traceability coverage";
            case "capabilityCoverage" -> "Capability coverage";
            default -> figure;
        };
    }

    static boolean ratio(Figure f) {
        return f.name().endsWith("Coverage");
    }

    /** A value as printed: a count as an integer, a ratio as a percentage with two decimals. */
    static String value(Figure f, BigDecimal v) {
        return ratio(f) ? v.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %"
                : v.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
    }

    static List<CoverageReportRow> rows(CoverageReportData d) {
        List<CoverageReportRow> rows = new ArrayList<>();
        rows.add(CoverageReportRow.heading("一、指标与目标  Figures against targets"));
        rows.add(CoverageReportRow.columns("指标 Figure", "数值 Value", "目标 Target", "分子 Numerator",
                "分母 Denominator", "差距 Gap", "达标 Met"));
        for (Figure f : d.figures().all()) {
            rows.add(CoverageReportRow.row(nameZh(f.name()) + "\n" + nameEn(f.name()), value(f, f.value()),
                    value(f, f.target()), Long.toString(f.numerator()), Long.toString(f.denominator()),
                    value(f, f.gap()), f.met() ? "是 Yes" : "否 No"));
        }
        rows.add(CoverageReportRow.heading("二、达标预测（按当前速度）  When each target is reached at the current pace"));
        rows.add(CoverageReportRow.columns6("指标 Figure", "月均变化 Per month", "预计 Expected", "最早 Earliest",
                "最晚 Latest", "结论 Outcome"));
        for (Figure f : d.figures().all()) {
            Projection p = d.projections().get(f.name());
            rows.add(projectionRow(f, p));
        }
        rows.add(CoverageReportRow.heading("三、按地市（含所辖区县）  By city (with its counties)"));
        rows.addAll(areaRows("地市 City", d.cities()));
        rows.add(CoverageReportRow.heading("四、按专业  By discipline"));
        rows.addAll(areaRows("专业 Discipline", d.disciplines()));
        return rows;
    }

    private static CoverageReportRow projectionRow(Figure f, Projection p) {
        String name = nameZh(f.name()) + "\n" + nameEn(f.name());
        if (p == null) {
            return CoverageReportRow.row6(name, "—", "—", "—", "—", "无预测\nNo projection");
        }
        String slope = Double.isNaN(p.slopePerMonth()) ? "—"
                : ratio(f) ? String.format(Locale.ROOT, "%+.2f %%", p.slopePerMonth() * 100)
                        : String.format(Locale.ROOT, "%+.1f", p.slopePerMonth());
        String outcome = switch (p.outcome()) {
            case ALREADY_MET -> "已达标\nAlready met";
            case PROJECTED -> "预计可达标\nProjected";
            case NOT_AT_CURRENT_PACE -> "按当前速度无法达标\nNot at the current pace";
            case TOO_FEW_POINTS -> "月份不足\nToo few months";
        };
        // the outcome has the table's last cell twice as wide, one line per language: in a single cell the English
        // wrapped word by word under the Chinese
        return CoverageReportRow.row6(name, slope, month(p.expected()), month(p.earliest()),
                p.outcome() == org.metrolims.calibration.coverage.TargetProjection.Outcome.PROJECTED
                        && p.latest().isEmpty() ? "未定 open" : month(p.latest()), outcome);
    }

    private static String month(Optional<YearMonth> m) {
        return m.map(YearMonth::toString).orElse("—");
    }

    private static List<CoverageReportRow> areaRows(String first, List<CoverageReportData.Area> areas) {
        List<CoverageReportRow> rows = new ArrayList<>();
        rows.add(CoverageReportRow.columns(first, "公共标准 Public", "省级标准 Provincial", "溯源覆盖率 Traceability",
                "能力覆盖率 Capability", "可溯源需求 Traceable / demand", "可满足需求 Capable / demand"));
        for (CoverageReportData.Area a : areas) {
            CoverageFigures f = a.figures();
            rows.add(CoverageReportRow.row(a.nameZh() + "\n" + a.nameEn(),
                    value(f.publicStandards(), f.publicStandards().value()),
                    value(f.provincialStandards(), f.provincialStandards().value()),
                    value(f.traceabilityCoverage(), f.traceabilityCoverage().value()),
                    value(f.capabilityCoverage(), f.capabilityCoverage().value()),
                    f.traceabilityCoverage().numerator() + " / " + f.traceabilityCoverage().denominator(),
                    f.capabilityCoverage().numerator() + " / " + f.capabilityCoverage().denominator()));
        }
        if (areas.isEmpty()) {
            rows.add(CoverageReportRow.row("—", "", "", "", "", "", ""));
        }
        return rows;
    }
}
