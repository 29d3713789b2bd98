package org.metrolims.reports.certificate;

import org.metrolims.db.failure.NotFound;

/** No such certificate or calibration, or none the caller may see (the two are not told apart). */
public class CertificateNotFoundException extends NotFound {

    public CertificateNotFoundException(String message) {
        super(message);
    }
}
