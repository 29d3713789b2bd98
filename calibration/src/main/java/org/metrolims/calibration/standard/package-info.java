/**
 * The register of public measurement standards (社会公用计量标准) and their assessment certificates: registration, correction
 * with history, CSV import and export, and the standard counts as of any date. {@link
 * org.metrolims.calibration.standard.MeasurementStandards} and {@link
 * org.metrolims.calibration.standard.StandardCounts} are the entry points; the registry's shared values (users, field
 * checks, failures) are used by the instrument register too.
 */
package org.metrolims.calibration.standard;
