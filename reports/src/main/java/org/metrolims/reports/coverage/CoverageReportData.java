package org.metrolims.reports.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.TargetProjection.Projection;

/**
 * Everything the annual coverage report prints, computed beforehand: the region's four figures against their
 * targets on {@code asOf}, the projection of when each target is reached, the same figures per city and per
 * discipline, and the month-end trend. Rendering ({@link CoverageReportTemplate}) reads nothing else.
 *
 * @param projections by figure name ({@code publicStandards}, …)
 * @param trend       month-end figures, oldest first, the last on {@code asOf}
 */
public record CoverageReportData(LocalDate asOf, LocalDate generatedOn, String regionCode, String regionNameZh,
        String regionNameEn, CoverageFigures figures, Map<String, Projection> projections, List<Area> cities,
        List<Area> disciplines, List<CoverageFigures> trend) {

    public CoverageReportData {
        Objects.requireNonNull(figures, "figures");
        projections = Map.copyOf(projections);
        cities = List.copyOf(cities);
        disciplines = List.copyOf(disciplines);
        trend = List.copyOf(trend);
    }

    /** A city (with its counties) or a discipline, and its four figures. */
    public record Area(String code, String nameZh, String nameEn, CoverageFigures figures) {
    }
}
