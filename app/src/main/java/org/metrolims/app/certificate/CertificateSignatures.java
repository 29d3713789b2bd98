package org.metrolims.app.certificate;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.db.identity.Accounts;
import org.metrolims.reports.certificate.CertificateSigner;
import org.springframework.stereotype.Component;

/**
 * Who signs a certificate, as the certificate service needs him (name, organization, whether a technician). The
 * signature itself — password re-entered, meaning, content hash — is {@link CertificateSigning}'s, through the
 * application's one electronic-signature service.
 */
@Component
class CertificateSignatures {

    private final Accounts signers;

    CertificateSignatures(Accounts signers) {
        this.signers = signers;
    }

    /** The signed-in user as a certificate signer. */
    CertificateSigner signer(MetroLimsUser user) {
        return requester(user.userId());
    }

    /** The signer a resumed batch signs for: the requester, who signed when starting it. */
    CertificateSigner requester(long userId) {
        var stored = signers.signer(userId).orElseThrow();
        return new CertificateSigner(stored.userId(), stored.username(), stored.displayName(),
                stored.organizationId(), stored.technician());
    }
}
