package org.metrolims.calibration.record;

/**
 * A correlation coefficient between two components of a point's budget, as entered (JCGM 100:2008 5.2.2): the
 * components are named as in the budget ({@code repeatability} is the readings' Type A), −1 ≤ r ≤ 1.
 */
record CorrelationInput(String a, String b, Double r) {
}
