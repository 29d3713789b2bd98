package org.metrolims.app.signature;

/**
 * A signature was not made: the password re-entered was wrong or missing, or the account cannot sign. The
 * refusal is in the audit trail; the action that needed the signature did not happen.
 */
public class SignatureRefusedException extends RuntimeException {

    SignatureRefusedException(String message) {
        super(message);
    }

    /** The request field that was refused. */
    public String field() {
        return "password";
    }
}
