package org.metrolims.calibration.uncertainty;

/**
 * One row of an evaluated budget (the layout of JCGM 100:2008 Table H.1 and EA-4/02 M:2022 S-tables).
 *
 * @param name the component's name
 * @param type A or B
 * @param distribution the assumed distribution of a Type B input, or null
 * @param standardUncertainty u(x_i)
 * @param sensitivity c_i
 * @param contribution |u_i(y)| = |c_i|·u(x_i)
 * @param varianceShare (c_i u(x_i))² / u_c²(y): the share of the combined variance this input
 *     carries on its own. With correlated inputs the shares do not add up to 1 — the covariance
 *     terms carry the rest (positive or negative). 0 when u_c = 0.
 * @param degreesOfFreedom ν_i, +∞ for exactly known
 */
public record BudgetLine(String name, EvaluationType type, Distribution distribution, double standardUncertainty,
        double sensitivity, double contribution, double varianceShare, double degreesOfFreedom) {
}
