package org.metrolims.db.identity;

/** A signer's account read fresh for a signature: its stored password hash, whether enabled, whether a technician. */
public record StoredSigner(long userId, String username, String displayName, long organizationId, String passwordHash,
        boolean enabled, boolean technician) {
}
