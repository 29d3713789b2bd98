/**
 * The coverage figures the province reports against its targets (public and provincial standards, traceability
 * coverage, capability coverage), as of any date, by region and discipline: {@link
 * org.metrolims.calibration.coverage.CoverageMetrics} is the entry point, {@link
 * org.metrolims.calibration.coverage.CoverageCalculator} the pure computation behind it.
 */
package org.metrolims.calibration.coverage;
