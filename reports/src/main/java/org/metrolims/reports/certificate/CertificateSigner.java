package org.metrolims.reports.certificate;

import java.util.Objects;

/**
 * The person who signs an issue, amendment or withdrawal, after the application has checked the password they
 * re-entered (21 CFR 11.200-style re-authentication); the signature's meaning is stored with the certificate.
 *
 * @param technician whether the person may sign certificates for the organization (a technician of it)
 */
public record CertificateSigner(long userId, String username, String displayName, long organizationId,
        boolean technician) {

    public CertificateSigner {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
    }
}
