package org.metrolims.reports.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * One revision of a certificate as its page shows it: status, when issued and by which lab, why it was amended, and
 * for a withdrawn one when and why (ISO/IEC 17025:2017 7.8.8).
 */
public record CertificateRevision(String number, int revision, CertificateStatus status, String subject,
        Instant issuedAt, long issuerOrganizationId, String issuerNameZh, String issuerNameEn, String customerNameZh,
        String customerNameEn, Optional<String> amendmentReason, Optional<Instant> withdrawnAt,
        Optional<String> withdrawnBy, Optional<String> withdrawalReason) {
}
