/**
 * Calibration records and their review workflow (ISO/IEC 17025 7.5, 7.8, 7.11): drafts with points, readings and
 * uncertainty budgets, submission, approval by a second person, corrections and withdrawal, each audited. {@link
 * org.metrolims.calibration.record.CalibrationRecords} is the entry point.
 */
package org.metrolims.calibration.record;
