package org.metrolims.app.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageMetrics.RegionFigures;
import org.metrolims.calibration.coverage.CoverageMetrics.Trend;
import org.metrolims.calibration.coverage.RegionRow;
import org.metrolims.calibration.coverage.CoverageSnapshot;
import org.metrolims.calibration.coverage.Figure;
import org.metrolims.db.reference.RegionCode;

/**
 * The dashboard's drill-down, all from the one snapshot of its date: the way down from the province to the region
 * shown (province → city → county), the region's children with their figures, and, when no discipline is chosen,
 * the region's figures per discipline.
 *
 * @param path        the regions from the province down to the one shown (the breadcrumb)
 * @param children    the regions one level below, each with its figures (a city's counties, the province's cities)
 * @param disciplines the region's figures per discipline; empty when the page is already for one discipline
 */
record CoverageDrill(List<RegionRow> path, List<RegionFigures> children, List<DisciplineFigures> disciplines) {

    /** One discipline's figures in the region shown. */
    record DisciplineFigures(String code, CoverageFigures figures) {
    }

    static CoverageDrill of(CoverageMetrics metrics, CoverageSnapshot snapshot, LocalDate asOf, RegionCode region,
            Optional<String> discipline, List<RegionRow> regions) {
        var byCode = regions.stream().collect(Collectors.toMap(RegionRow::code, r -> r));
        List<RegionRow> path = new ArrayList<>();
        for (RegionRow r = byCode.get(region.value()); r != null; r = r.parentCode().map(byCode::get).orElse(null)) {
            path.addFirst(r);
        }
        List<RegionFigures> children = regions.stream()
                .filter(r -> r.parentCode().filter(region.value()::equals).isPresent())
                .map(r -> new RegionFigures(r.code(), r.nameZh(), r.nameEn(),
                        metrics.figures(snapshot, asOf, new RegionCode(r.code()), discipline)))
                .toList();
        List<DisciplineFigures> disciplines = discipline.isPresent() ? List.of()
                : metrics.disciplines().stream()
                        .map(d -> new DisciplineFigures(d, metrics.figures(snapshot, asOf, region, Optional.of(d))))
                        .toList();
        return new CoverageDrill(path, children, disciplines);
    }

    /**
     * One figure month by month, as the interactive chart reads it from the element's data attributes: the dates,
     * the values (coverages in percent to one decimal, counts whole) and the target in the same unit.
     */
    record ChartSeries(String name, boolean percent, String dates, String values, String target) {
    }

    static List<ChartSeries> charts(Trend trend) {
        return List.of(series("publicStandards", trend, CoverageFigures::publicStandards, false),
                series("provincialStandards", trend, CoverageFigures::provincialStandards, false),
                series("traceabilityCoverage", trend, CoverageFigures::traceabilityCoverage, true),
                series("capabilityCoverage", trend, CoverageFigures::capabilityCoverage, true));
    }

    private static ChartSeries series(String name, Trend trend, Function<CoverageFigures, Figure> f,
            boolean percent) {
        List<CoverageFigures> points = trend.points();
        String dates = points.stream().map(p -> p.asOf().toString()).collect(Collectors.joining(","));
        String values = points.stream().map(p -> plain(f.apply(p).value(), percent))
                .collect(Collectors.joining(","));
        return new ChartSeries(name, percent, dates, values,
                plain(f.apply(points.getLast()).target(), percent));
    }

    /** A value as the chart shows it: a fraction as a percentage to one decimal (86.9), a count whole (1582). */
    static String plain(BigDecimal v, boolean percent) {
        BigDecimal shown = percent ? v.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)
                : v.setScale(0, RoundingMode.HALF_EVEN);
        return shown.toPlainString();
    }
}
