package org.metrolims.app.certificate;

import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.reports.certificate.CertificateSigner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The electronic signature of an issue, amendment or withdrawal: the signer re-enters their password, checked
 * against the stored hash (not the session), and the signature's meaning ("issued") is stored with the
 * certificate. A small class on purpose, so that a generic e-signature service can replace it.
 */
@Component
class CertificateSignatures {

    private final SignerRepository signers;
    private final PasswordEncoder encoder;

    CertificateSignatures(SignerRepository signers, PasswordEncoder encoder) {
        this.signers = signers;
        this.encoder = encoder;
    }

    /** The signer, once the password is right; else {@link WrongPasswordException}. */
    CertificateSigner sign(MetroLimsUser user, String password) {
        var stored = signers.find(user.userId()).filter(SignerRepository.StoredSigner::enabled)
                .filter(s -> password != null && !password.isEmpty() && encoder.matches(password, s.passwordHash()))
                .orElseThrow(WrongPasswordException::new);
        return new CertificateSigner(stored.userId(), stored.username(), stored.displayName(),
                stored.organizationId(), stored.technician());
    }

    /** The signer a resumed batch signs for: the requester, who signed when starting it. */
    CertificateSigner requester(long userId) {
        var stored = signers.find(userId).orElseThrow();
        return new CertificateSigner(stored.userId(), stored.username(), stored.displayName(),
                stored.organizationId(), stored.technician());
    }

    static final class WrongPasswordException extends RuntimeException {
        WrongPasswordException() {
            super("the password does not match: the signature is refused");
        }
    }
}
