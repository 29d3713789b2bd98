package org.metrolims.app.signature;

import java.time.Instant;
import java.util.Map;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.failure.Message;

/**
 * A signature was not made: the password re-entered was wrong or missing, the account cannot sign, or the account is
 * locked after too many wrong passwords ({@link #lockedUntil()}). The refusal is in the audit trail; the action that
 * needed the signature did not happen.
 */
public class SignatureRefusedException extends Forbidden {

    private final transient Instant lockedUntil;

    SignatureRefusedException(String message) {
        this(message, null);
    }

    SignatureRefusedException(String message, Instant lockedUntil) {
        super(lockedUntil == null ? "SIGNATURE_REFUSED" : "ACCOUNT_LOCKED", "password", Message.text(message));
        this.lockedUntil = lockedUntil;
    }

    /** The request field that was refused. */
    public String field() {
        return "password";
    }

    /** Whether the account is locked (too many wrong passwords, at logins or signatures): even the right one fails. */
    public boolean locked() {
        return lockedUntil != null;
    }

    /** The end of the lock, or null when the account is not locked. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    @Override
    public Map<String, Object> details() {
        return lockedUntil == null ? Map.of() : Map.of("lockedUntil", lockedUntil.toString());
    }
}
