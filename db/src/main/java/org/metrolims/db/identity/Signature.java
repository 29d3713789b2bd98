package org.metrolims.db.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One electronic signature as stored: who (id, user name and printed name), when, with what meaning, on which
 * record, and the SHA-256 (hex) of the record's canonical content at signing.
 */
public record Signature(long id, long signerId, String signerUsername, String signerName, Meaning meaning,
        String recordType, String recordId, String contentSha256, Instant signedAt) {

    public Signature {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }
}
