package org.metrolims.reports.certificate;

/**
 * The outcome of checking an uploaded PDF against a certificate number: whether its SHA-256 equals that of one of
 * the number's issued revisions, and which.
 */
record PdfCheck(boolean matches, String sha256, Integer revision, CertificateStatus status) {
}
