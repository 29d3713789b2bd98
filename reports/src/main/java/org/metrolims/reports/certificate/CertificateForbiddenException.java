package org.metrolims.reports.certificate;

/** The caller may see the record but may not sign for it (not a technician of the issuing lab). */
public class CertificateForbiddenException extends RuntimeException {

    public CertificateForbiddenException(String message) {
        super(message);
    }
}
