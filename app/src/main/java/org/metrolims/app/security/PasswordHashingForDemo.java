package org.metrolims.app.security;

import org.metrolims.demo.PasswordHashing;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo province's users get their password hashed by the application's {@link PasswordEncoder}. */
@Component
class PasswordHashingForDemo implements PasswordHashing {

    private final PasswordEncoder encoder;

    PasswordHashingForDemo(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }
}
