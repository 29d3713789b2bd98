package org.metrolims.app.uncertainty;

import java.util.List;

/**
 * The body of {@code POST /api/uncertainty/evaluate}: a budget in JSON. Optional numbers are null
 * when absent: sensitivity defaults to 1, dof to infinite, coverageProbability to 0.9545.
 */
record EvaluationRequest(List<Component> components, List<CorrelationEntry> correlations, Double coverageProbability,
        Double value) {

    /**
     * One input. {@code type} "A" takes {@code values} (at least two readings); "B" takes a
     * {@code distribution} (normal, rectangular, triangular, u-shaped) and one of
     * {@code standardUncertainty}, {@code halfWidth} (not for normal) or
     * {@code expandedUncertainty} with {@code coverageFactor} (normal).
     */
    record Component(String name, String type, double[] values, String distribution, Double standardUncertainty,
            Double halfWidth, Double expandedUncertainty, Double coverageFactor, Double sensitivity, Double dof) {
    }

    /** r(a, b), the correlation coefficient between the components named a and b. */
    record CorrelationEntry(String a, String b, Double r) {
    }
}
