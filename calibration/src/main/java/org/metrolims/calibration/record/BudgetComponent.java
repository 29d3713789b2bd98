package org.metrolims.calibration.record;

/**
 * One stored line of a point's uncertainty budget: what was entered and what it evaluated to.
 *
 * @param type A or B
 * @param distribution normal, rectangular, triangular, u-shaped, or null (Type A, or u given directly)
 * @param degreesOfFreedom ν_i, null for infinite
 * @param contribution |c_i|·u(x_i)
 */
record BudgetComponent(int seq, String name, String type, String distribution, Double halfWidth,
        Double expandedUncertainty, Double coverageFactor, double standardUncertainty, double sensitivity,
        Double degreesOfFreedom, double contribution) {
}
