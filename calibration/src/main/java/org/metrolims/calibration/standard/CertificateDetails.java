package org.metrolims.calibration.standard;

import java.time.LocalDate;

/**
 * An assessment certificate (计量标准考核证书) as issued or renewed. Four years' validity is the norm, but the dates
 * are what the certificate says.
 */
public record CertificateDetails(String certificateNo, LocalDate issuedOn, LocalDate expiresOn, String issuer) {
}
