/**
 * Calibration schedules: the due dates of instruments and of standards' equipment, due and overdue lists, expiring
 * assessment certificates, lab capacities and the capacity plan, and the iCalendar feed. {@link
 * org.metrolims.calibration.schedule.CalibrationSchedules} is the entry point.
 */
package org.metrolims.calibration.schedule;
