/**
 * The PT round's final report and the per-lab letters (ISO/IEC 17043 7.4.3, ISO 13528 clause 10), rendered to PDF from
 * value records alone with their charts. {@link org.metrolims.reports.pt.PtReportTemplates} is the entry point.
 */
package org.metrolims.reports.pt;
