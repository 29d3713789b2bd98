package org.metrolims.db.identity;

/** What a signature means (21 CFR 11.50(a)(3)): shown with the signer's name and the time wherever the record is. */
public enum Meaning {
    /** A second person checked the record. */
    REVIEWED,
    /** The record is approved and locked (a calibration). */
    APPROVED,
    /** A document is issued to its customer (a certificate). */
    ISSUED,
    /** Results are published to their recipients (PT scores). */
    PUBLISHED,
    /** An issued document is withdrawn from use (a certificate). */
    WITHDRAWN
}
