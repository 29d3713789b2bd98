package org.metrolims.app.signature;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.db.identity.Meaning;

/**
 * A signer whose re-entered password {@link ElectronicSignatures#confirm} accepted, for one signature with one
 * meaning. Only {@code confirm} makes one, and it signs once (21 CFR 11.200(a)(1)(i): each signing uses the
 * password): the password is checked before the signed action does any work, and the signature is made in the
 * action's transaction afterwards.
 */
public final class ConfirmedSigner {

    private final MetroLimsUser user;
    private final Meaning meaning;
    private final AtomicBoolean used = new AtomicBoolean();

    ConfirmedSigner(MetroLimsUser user, Meaning meaning) {
        this.user = Objects.requireNonNull(user, "user");
        this.meaning = Objects.requireNonNull(meaning, "meaning");
    }

    public MetroLimsUser user() {
        return user;
    }

    public Meaning meaning() {
        return meaning;
    }

    void use() {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("a confirmed signer signs once; each signature asks for the password");
        }
    }
}
