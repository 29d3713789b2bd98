package org.metrolims.demo;

/**
 * How the demo users' password is hashed: the application's own password encoder, so that they log in as the
 * security configuration checks. The app provides it (the demo module knows no security API).
 */
@FunctionalInterface
public interface PasswordHashing {

    /** The stored hash of a raw password. */
    String hash(String rawPassword);
}
