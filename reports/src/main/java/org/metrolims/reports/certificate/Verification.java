package org.metrolims.reports.certificate;

import java.time.Instant;

/**
 * What the public verification page shows of a certificate revision whose number and code match.
 *
 * @param latestRevision the newest revision of the number (tells a holder of an old one that it was amended)
 */
public record Verification(String number, int revision, CertificateStatus status, Instant issuedAt, String issuerZh,
        String issuerEn, String signedBy, String signatureMeaning, String subject, String sha256,
        int latestRevision) {
}
