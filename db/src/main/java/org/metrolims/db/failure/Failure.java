package org.metrolims.db.failure;

import java.util.List;
import java.util.Map;

/**
 * A request that was refused, and why, in one of five kinds; nothing was changed. Each kind is an unchecked exception
 * (so a service can throw it from any depth) and may be extended by a feature's own exception where that adds
 * something (a reason enum, the lab and index of a bad value).
 */
public sealed interface Failure permits InvalidInput, RuleViolation, NotFound, Forbidden, Conflict {

    /** A stable upper-case name for machines (problem+json {@code code}), or null where the kind says it all. */
    String code();

    /** What to tell a person. */
    Message message();

    /** The request fields this is about, each with its own message; empty when it is about no field. */
    List<FieldError> fields();

    /** Further facts a client may act on (problem+json members beside {@code code}), e.g. when a lock ends. */
    default Map<String, Object> details() {
        return Map.of();
    }
}
