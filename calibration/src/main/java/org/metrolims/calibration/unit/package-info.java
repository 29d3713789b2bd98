/**
 * Unit symbols as calibration points, tolerances and verification-scheme bands type them, read and converted through
 * JSR 385 ({@link org.metrolims.calibration.unit.MeasurementUnits}).
 */
package org.metrolims.calibration.unit;
