/**
 * Proficiency testing (ISO/IEC 17043, ISO 13528): what the PT features share, their failures (invalid input, rule
 * violation, not found). The features are the sub-packages: scheme, round, enrolment, result, item, scoring, and the
 * pure statistics; each one's entry point is its service ({@code ProficiencySchemes}, {@code ProficiencyRounds},
 * {@code PtEnrolments}, {@code PtResults}, {@code ItemStudies}, {@code RoundScoring}), its repository stays inside
 * it, and the audit of the PT workflow is in {@code internal}.
 */
package org.metrolims.proficiency;
