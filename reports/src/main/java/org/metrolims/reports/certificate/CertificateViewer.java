package org.metrolims.reports.certificate;

/**
 * Who asks to see certificates: officers and administrators see all; anyone else those of their organization, as
 * the customer (a lab downloads its own) or as the issuing lab (an institute's technicians).
 */
public record CertificateViewer(long organizationId, boolean seesAll) {
}
