package org.metrolims.app.signature;

import static org.metrolims.app.api.Problems.problem;

import java.util.List;
import java.util.Map;
import org.metrolims.app.api.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused signature on any API call (wrong or missing password): 403 problem+json naming the {@code password}
 * field, with {@code code} SIGNATURE_REFUSED, or ACCOUNT_LOCKED with {@code lockedUntil} when too many wrong
 * passwords (at logins or signatures) lock the account; the action that needed the signature did not happen. Pages catch the
 * refusal themselves and say so on the page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignatureProblems {

    @ExceptionHandler(SignatureRefusedException.class)
    ResponseEntity<ProblemDetail> onRefused(SignatureRefusedException e) {
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, e.locked() ? "Account locked" : "Signature refused",
                e.getMessage());
        p.setProperty("code", e.locked() ? "ACCOUNT_LOCKED" : "SIGNATURE_REFUSED");
        if (e.locked()) {
            p.setProperty("lockedUntil", e.lockedUntil().toString());
        }
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return Problems.respond(p);
    }
}
