package org.metrolims.app.security;

/** A newly issued token: the secret is shown this once and stored only as its SHA-256. */
public record IssuedToken(ApiToken token, String secret) {
}
