package org.metrolims.db.identity;

/**
 * A signature's manifestation (name, time, meaning) with the result of comparing the record's content now with the
 * content that was signed: {@code contentChanged} means the record is no longer what the signer signed.
 */
public record SignatureCheck(Signature signature, boolean contentChanged) {
}
