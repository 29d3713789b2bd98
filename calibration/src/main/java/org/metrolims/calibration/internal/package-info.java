/**
 * What the calibration features share but nobody outside the module may call: the registry's audit ({@link
 * org.metrolims.calibration.internal.RegistryAudit}) and the reference codes it checks imported rows against ({@link
 * org.metrolims.calibration.internal.ReferenceCodes}), both used by the standards and the instruments registers. The
 * boundary test lets only {@code org.metrolims.calibration} and its feature packages use it.
 */
package org.metrolims.calibration.internal;
