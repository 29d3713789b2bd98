/**
 * Measurement uncertainty by JCGM 100 (GUM) / JJF 1059.1: uncertainty budgets with correlations, Type A evaluation,
 * Welch-Satterthwaite effective degrees of freedom, the coverage factor from the t-distribution and the reported
 * result with U rounded to two significant digits; {@link org.metrolims.calibration.uncertainty.MeasurementFormat}, the
 * one way every number shown to a person is written. Pure Java: no Spring, no database.
 */
package org.metrolims.calibration.uncertainty;
