/**
 * The instrument register: registration, correction with an audit line, search, CSV import and export of the
 * instruments that are calibrated. {@link org.metrolims.calibration.instrument.Instruments} is the entry point.
 */
package org.metrolims.calibration.instrument;
