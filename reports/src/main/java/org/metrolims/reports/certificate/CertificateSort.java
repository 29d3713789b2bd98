package org.metrolims.reports.certificate;

/**
 * The orders the certificate list can be read in: a closed set mapped to columns inside the repository, so that no
 * text from a request reaches the SQL's ORDER BY. Ties are broken by the revision's id.
 */
public enum CertificateSort {
    ISSUED_AT, NUMBER, STATUS, SUBJECT
}
