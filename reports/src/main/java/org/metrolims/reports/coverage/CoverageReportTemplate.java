package org.metrolims.reports.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.reports.internal.IssuedPdf;
import org.springframework.stereotype.Component;

/**
 * The coverage report — the document the bureau sends upward each year: bilingual 简体中文 / English, the region's
 * four figures against their targets (value, target, numerator, denominator, gap), the projection of when each
 * target is reached, tables by city and by discipline, and the month-end trend charts. Compiled once; {@link #render}
 * is pure (the value record in, PDF bytes out) and safe from many threads. Fonts are embedded (the CJK font
 * extension of this module).
 */
@Component
public final class CoverageReportTemplate {

    private static final String JRXML = "coverage-report.jrxml";

    private final JasperReport report;

    public CoverageReportTemplate() {
        try (InputStream in = CoverageReportTemplate.class.getResourceAsStream(JRXML)) {
            if (in == null) {
                throw new IllegalStateException(JRXML + " is missing from the classpath");
            }
            this.report = JasperCompileManager.compileReport(in);
        } catch (JRException | IOException e) {
            throw new IllegalStateException("cannot compile " + JRXML, e);
        }
    }

    /**
     * The report as PDF bytes, stamped with the day it was prepared (the same data on the same day give the same
     * bytes); fails loudly when it cannot render.
     */
    public byte[] render(CoverageReportData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("regionZh", d.regionNameZh());
        p.put("regionEn", d.regionNameEn());
        p.put("regionCode", d.regionCode());
        p.put("asOf", d.asOf().toString());
        p.put("generatedOn", d.generatedOn().toString());
        p.put("trendFrom", d.trend().isEmpty() ? d.asOf().toString() : d.trend().getFirst().asOf().toString());
        if (!d.trend().isEmpty()) {
            p.put("chartPublic", CoverageCharts.trend(d.trend(), CoverageFigures::publicStandards));
            p.put("chartProvincial", CoverageCharts.trend(d.trend(), CoverageFigures::provincialStandards));
            p.put("chartTraceability", CoverageCharts.trend(d.trend(), CoverageFigures::traceabilityCoverage));
            p.put("chartCapability", CoverageCharts.trend(d.trend(), CoverageFigures::capabilityCoverage));
        }
        try {
            var print = JasperFillManager.fillReport(report, p,
                    new JRBeanCollectionDataSource(CoverageReportWording.rows(d)));
            return IssuedPdf.export(print, d.generatedOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    "coverage report " + d.regionCode() + " " + d.asOf());
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the coverage report of " + d.regionCode() + " as of "
                    + d.asOf(), e);
        }
    }
}
