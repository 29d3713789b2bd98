package org.metrolims.calibration.interval;

import java.util.List;
import java.util.Optional;

/**
 * The interval analysis of one instrument type: the observed in-tolerance rate per interval bin (for
 * the chart), the analysis and its recommendation in whole months, and the decisions taken so far.
 */
public record IntervalReport(long typeId, String typeCode, String typeNameZh, String typeNameEn, int currentMonths,
        List<Bin> bins, IntervalAnalysis.Result analysis, Optional<Integer> recommendedMonths,
        List<IntervalDecision> decisions) {

    /** Days in an average month (365.25 / 12), to turn months into the days the maths works in. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    public IntervalReport {
        bins = List.copyOf(bins);
        decisions = List.copyOf(decisions);
    }

    /** Results whose interval rounds to {@code months}: how many, and how many were found in tolerance. */
    public record Bin(int months, int results, int inTolerance) {

        public double observedReliability() {
            return results == 0 ? Double.NaN : (double) inTolerance / results;
        }
    }
}
