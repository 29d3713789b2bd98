/**
 * Traceability chains: each standard's chain of calibrations up to a root on a date, whether it is complete (valid
 * links, no cycle, uncertainties that never shrink up the chain), the maintained summary of every chain, and the
 * recall impact of a standard found out of tolerance. {@link
 * org.metrolims.calibration.traceability.TraceabilityAnalysis} is the entry point.
 */
package org.metrolims.calibration.traceability;
