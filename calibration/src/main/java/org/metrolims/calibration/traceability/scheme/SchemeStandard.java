package org.metrolims.calibration.traceability.scheme;

/** A standard with what the scheme pages show besides the check's inputs. */
public record SchemeStandard(SchemeSubject subject, String level, long ownerOrganizationId) {
}
