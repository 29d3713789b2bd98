package org.metrolims.db.failure;

import java.util.List;
import java.util.Objects;

/**
 * A well-formed request that a rule of the workflow refuses now (approving one's own calibration, a result after the
 * deadline): problem+json 409 with the rule's stable {@link #code()}, and the field when there is one.
 */
public non-sealed class RuleViolation extends RuntimeException implements Failure {

    private final String code;
    private final String field;
    private final Message message;

    /**
     * @param code    a stable upper-case name of the rule, e.g. {@code DEADLINE_PASSED}
     * @param field   the request field the refusal is about, or null
     * @param message what to tell a person
     */
    public RuleViolation(String code, String field, Message message) {
        super(message.text());
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.message = message;
    }

    public RuleViolation(String code, String field, String message) {
        this(code, field, Message.text(message));
    }

    @Override
    public String code() {
        return code;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public List<FieldError> fields() {
        return field == null ? List.of() : List.of(new FieldError(field, message));
    }
}
