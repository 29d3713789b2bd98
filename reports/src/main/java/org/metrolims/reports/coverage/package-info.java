/**
 * The annual coverage report, bilingual, rendered to PDF from values computed beforehand ({@link
 * org.metrolims.reports.coverage.CoverageReportData}): the figures against their targets, the projections, the
 * per-city and per-discipline tables and the trend charts. {@link
 * org.metrolims.reports.coverage.CoverageReportTemplate} is the entry point.
 */
package org.metrolims.reports.coverage;
