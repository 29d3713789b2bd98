package org.metrolims.app.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageMetrics.Dashboard;
import org.metrolims.calibration.coverage.CoverageSnapshot;
import org.metrolims.calibration.coverage.RegionRow;
import org.metrolims.db.PageRequest;
import org.metrolims.db.failure.InvalidInput;
import org.metrolims.db.reference.Discipline;
import org.metrolims.db.reference.ReferenceData;
import org.metrolims.db.reference.RegionCode;
import org.metrolims.reports.coverage.CoverageReportData;
import org.metrolims.reports.coverage.CoverageReportTemplate;
import org.springframework.stereotype.Service;

/**
 * The annual coverage report of a region: its dashboard (figures, cities, 12-month trend with projections) and the
 * same figures per discipline, gathered into the report's value record and rendered to PDF.
 */
@Service
class CoverageReports {

    static final int TREND_MONTHS = 12;

    private final CoverageMetrics metrics;
    private final ReferenceData reference;
    private final CoverageReportTemplate template;

    CoverageReports(CoverageMetrics metrics, ReferenceData reference, CoverageReportTemplate template) {
        this.metrics = metrics;
        this.reference = reference;
        this.template = template;
    }

    public byte[] pdf(LocalDate asOf, RegionCode region, LocalDate today) {
        return template.render(data(asOf, region, today));
    }

    public CoverageReportData data(LocalDate asOf, RegionCode region, LocalDate today) {
        RegionRow row = metrics.regions().stream().filter(r -> r.code().equals(region.value())).findFirst()
                .orElseThrow(() -> new InvalidInput("region",
                        "'" + region.value() + "' is not a region of the province"));
        // one snapshot for the dashboard and the table by discipline: its dates include asOf
        CoverageSnapshot snapshot = metrics.dashboardSnapshot(asOf, TREND_MONTHS);
        Dashboard dashboard = metrics.dashboard(snapshot, asOf, region, Optional.empty(), TREND_MONTHS);
        List<CoverageReportData.Area> cities = dashboard.cities().stream()
                .map(c -> new CoverageReportData.Area(c.code(), c.nameZh(), c.nameEn(), c.figures())).toList();
        Map<String, Discipline> names = new HashMap<>();
        reference.disciplines(new PageRequest(0, PageRequest.MAX_SIZE)).items().forEach(d -> names.put(d.code(), d));
        List<CoverageReportData.Area> byDiscipline = new ArrayList<>();
        for (String code : metrics.disciplines()) {
            Discipline d = names.get(code);
            byDiscipline.add(new CoverageReportData.Area(code, d == null ? code : d.nameZh(),
                    d == null ? code : d.nameEn(), metrics.figures(snapshot, asOf, region, Optional.of(code))));
        }
        return new CoverageReportData(asOf, today, region.value(), row.nameZh(), row.nameEn(), dashboard.province(),
                dashboard.trend().projections(), cities, byDiscipline, dashboard.trend().points());
    }
}
