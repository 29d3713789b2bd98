/**
 * Decision rules (ILAC G8, JCGM 106): how the measurement uncertainty is taken into account when a calibration point
 * is stated to conform, simple acceptance or a guard band, with the probability of conformance. Pure Java: no Spring,
 * no database.
 */
package org.metrolims.calibration.decision;
