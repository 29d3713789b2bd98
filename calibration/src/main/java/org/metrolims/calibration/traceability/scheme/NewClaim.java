package org.metrolims.calibration.traceability.scheme;

/** A level a standard's owner claims for it, as {@link VerificationSchemes#recordClaims} records it. */
public record NewClaim(long standardId, long levelId, String source) {
}
