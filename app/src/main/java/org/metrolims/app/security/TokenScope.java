package org.metrolims.app.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API token may do, on top of (never beyond) what its account's roles allow. A request a token's scopes do
 * not cover is refused with 403 even when the account could make it with its password.
 */
public enum TokenScope {
    READ_REGISTRY("read:registry"),
    READ_CALIBRATIONS("read:calibrations"),
    WRITE_CALIBRATIONS("write:calibrations"),
    READ_CERTIFICATES("read:certificates"),
    READ_PROFICIENCY("read:proficiency"),
    READ_REFERENCE("read:reference"),
    READ_SCHEDULE("read:schedule"),
    READ_COVERAGE("read:coverage"),
    EVALUATE_UNCERTAINTY("evaluate:uncertainty");

    private final String code;

    TokenScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TokenScope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The scope an API request needs, by method and path; empty when no token may make it (e.g. accounts). */
    static Optional<TokenScope> requiredFor(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/api/standards") || path.startsWith("/api/instruments")) {
            return read ? Optional.of(READ_REGISTRY) : Optional.empty();
        }
        if (path.startsWith("/api/calibrations")) {
            return Optional.of(read ? READ_CALIBRATIONS : WRITE_CALIBRATIONS);
        }
        if (path.startsWith("/api/certificates")) {
            return read ? Optional.of(READ_CERTIFICATES) : Optional.empty();
        }
        if (path.startsWith("/api/pt/")) {
            return read ? Optional.of(READ_PROFICIENCY) : Optional.empty();
        }
        if (path.startsWith("/api/schedule/") || path.startsWith("/api/instrument-types/")) {
            return read ? Optional.of(READ_SCHEDULE) : Optional.empty();
        }
        if (path.startsWith("/api/coverage")) {
            return read ? Optional.of(READ_COVERAGE) : Optional.empty();
        }
        // the stateless calculator stores nothing, so a POST to it is no write
        if (path.equals("/api/uncertainty/evaluate")) {
            return method.equals("POST") ? Optional.of(EVALUATE_UNCERTAINTY) : Optional.empty();
        }
        if (path.startsWith("/api/regions") || path.startsWith("/api/organizations")
                || path.startsWith("/api/disciplines") || path.equals("/api/version")) {
            return read ? Optional.of(READ_REFERENCE) : Optional.empty();
        }
        return Optional.empty();
    }
}
