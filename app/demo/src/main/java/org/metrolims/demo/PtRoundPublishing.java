package org.metrolims.demo;

import java.time.Instant;

/**
 * Publication of a scored PT round as a user does it: the officer re-enters the password, signs (meaning
 * PUBLISHED) and the report and letters are issued at the given instant. The app provides it, since signing
 * confirms the signer through the application's authentication; the demo module knows no security API.
 */
@FunctionalInterface
public interface PtRoundPublishing {

    /** Publishes the round as {@code username}, signed with {@code password}, at {@code at}. */
    void publish(String username, long roundId, String password, Instant at);
}
