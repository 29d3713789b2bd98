package org.metrolims.app.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password rules (NIST SP 800-63B 5.1.1.2: length over composition, and a check against commonly used
 * passwords): at least 12 characters; at most 72 bytes in UTF-8, since bcrypt reads no further; not the user name
 * (in any case); not one of a list of common passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of("123456789012", "1234567890123", "12345678901234",
            "password1234", "password12345", "password123456", "passwordpassword", "qwertyuiop12", "qwertyuiop123",
            "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "iloveyou1234", "administrator", "admin1234567",
            "welcome12345", "letmein12345", "changeme1234", "abc123456789", "abcdefghijkl", "111111111111",
            "000000000000", "aaaaaaaaaaaa", "metrolims2026", "metrolims123", "demo20262026", "p@ssw0rd1234",
            "football1234", "baseball1234", "sunshine1234", "princess1234", "trustno1trustno1", "zaq12wsxcde3");

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the user name");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("is a commonly used password");
        }
        return Optional.empty();
    }
}
