/**
 * The reference data every other feature refers to: GB/T 2260 regions, organizations (authorities, institutes,
 * accredited labs, enterprises) and the ten metrology disciplines. {@link org.metrolims.db.reference.ReferenceData} is
 * the entry point; the repositories stay inside the package.
 */
package org.metrolims.db.reference;
