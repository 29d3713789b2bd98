package org.metrolims.proficiency.statistics;

import org.metrolims.db.failure.InvalidInput;

/**
 * Algorithm A did not reach its fixed point within {@link AlgorithmA#MAX_ITERATIONS} iterations. The last
 * estimates are carried for diagnosis only; they are not a result.
 */
public final class AlgorithmANotConvergedException extends InvalidInput {

    private final double lastRobustMean;
    private final double lastRobustStandardDeviation;

    AlgorithmANotConvergedException(int iterations, double lastRobustMean, double lastRobustStandardDeviation) {
        super(InvalidResultException.FIELD, "Algorithm A (ISO 13528:2022 C.3.1) did not reach its fixed point in "
                + iterations + " iterations; last x* = " + lastRobustMean + ", s* = " + lastRobustStandardDeviation);
        this.lastRobustMean = lastRobustMean;
        this.lastRobustStandardDeviation = lastRobustStandardDeviation;
    }

    public double lastRobustMean() {
        return lastRobustMean;
    }

    public double lastRobustStandardDeviation() {
        return lastRobustStandardDeviation;
    }
}
