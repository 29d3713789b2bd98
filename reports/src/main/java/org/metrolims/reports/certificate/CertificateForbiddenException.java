package org.metrolims.reports.certificate;

import org.metrolims.db.failure.Forbidden;

/** The caller may see the record but may not sign for it (not a technician of the issuing lab). */
public class CertificateForbiddenException extends Forbidden {

    public CertificateForbiddenException(String message) {
        super(message);
    }
}
