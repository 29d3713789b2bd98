package org.metrolims.calibration.standard;

import java.time.LocalDate;

/** A stored assessment certificate of a standard; a renewal adds another. */
record AssessmentCertificate(long id, String certificateNo, LocalDate issuedOn, LocalDate expiresOn,
        String issuer) {
}
