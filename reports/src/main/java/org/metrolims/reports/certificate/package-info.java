/**
 * Calibration certificates (ISO/IEC 17025 7.8): issued from an approved calibration as an electronic signature,
 * amended as a new revision naming the one it replaces, withdrawn, verified by number and code, issued in batches; the
 * wording, the traceability statement and the PDF template. {@link org.metrolims.reports.certificate.Certificates} and
 * {@link org.metrolims.reports.certificate.CertificateBatches} are the entry points.
 */
package org.metrolims.reports.certificate;
