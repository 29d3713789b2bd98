package org.metrolims.calibration.traceability.scheme;

import java.util.Optional;

/**
 * A claim that cannot be recorded: bad input (naming the field), a standard the user may not change or see (reported
 * as not found, as for any other organization's object), or a state that does not allow it (nothing to withdraw).
 */
public class SchemeClaimException extends RuntimeException {

    public enum Kind { INPUT, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final Optional<String> field;

    private SchemeClaimException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = Optional.ofNullable(field);
    }

    static SchemeClaimException input(String field, String message) {
        return new SchemeClaimException(Kind.INPUT, field, message);
    }

    static SchemeClaimException notFound(long standardId) {
        return new SchemeClaimException(Kind.NOT_FOUND, null, "no standard " + standardId);
    }

    static SchemeClaimException conflict(String message) {
        return new SchemeClaimException(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#INPUT}: the request field at fault. */
    public Optional<String> field() {
        return field;
    }
}
