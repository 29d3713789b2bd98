/**
 * What the PT features share but nobody else may call: the audit of the PT workflow ({@link
 * org.metrolims.proficiency.internal.PtAudit}). The boundary test lets only {@code org.metrolims.proficiency} and its
 * feature packages use it.
 */
package org.metrolims.proficiency.internal;
