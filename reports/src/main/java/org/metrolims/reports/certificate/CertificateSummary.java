package org.metrolims.reports.certificate;

import java.time.Instant;

/** One certificate revision in a list: what a lab needs to find and download it. */
public record CertificateSummary(long id, String number, int revision, CertificateStatus status, String subject,
        Instant issuedAt, long calibrationId, String customerNameZh, String customerNameEn, String issuerNameZh,
        String issuerNameEn) {
}
