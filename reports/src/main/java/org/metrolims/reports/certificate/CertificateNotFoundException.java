package org.metrolims.reports.certificate;

/** No such certificate or calibration, or none the caller may see (the two are not told apart). */
public class CertificateNotFoundException extends RuntimeException {

    public CertificateNotFoundException(String message) {
        super(message);
    }
}
