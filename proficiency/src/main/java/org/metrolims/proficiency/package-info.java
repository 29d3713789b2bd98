/**
 * Proficiency testing (ISO/IEC 17043, ISO 13528): what the PT features share, the audit of the PT workflow ({@link
 * org.metrolims.proficiency.PtAudit}) and its failures (invalid input, rule violation, not found). The features are
 * the sub-packages: scheme, round, enrolment, result, item, scoring, and the pure statistics.
 */
package org.metrolims.proficiency;
