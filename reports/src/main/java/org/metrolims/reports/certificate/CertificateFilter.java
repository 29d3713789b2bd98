package org.metrolims.reports.certificate;

import java.time.LocalDate;

/**
 * Filters of the certificate list; null means any.
 *
 * @param text part of the number or of the subject (instrument and serial number)
 * @param issuedFrom first issue date, inclusive (UTC)
 * @param issuedTo last issue date, inclusive (UTC)
 */
public record CertificateFilter(String text, CertificateStatus status, LocalDate issuedFrom, LocalDate issuedTo) {

    public static CertificateFilter any() {
        return new CertificateFilter(null, null, null, null);
    }
}
