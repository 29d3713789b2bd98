package org.metrolims.app.coverage;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.status;

import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.traceability.scheme.SchemeClaimException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Scheme-claim errors as problem+json: 400 naming the field, 404 for a standard not to be seen, 409 for a state. */
@RestControllerAdvice(assignableTypes = SchemeClaimsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchemeClaimProblems {

    @ExceptionHandler(SchemeClaimException.class)
    ResponseEntity<ProblemDetail> onClaim(SchemeClaimException e) {
        return switch (e.kind()) {
            case INPUT -> badRequest(List.of(new FieldProblem(e.field().orElse("body"), e.getMessage())));
            case NOT_FOUND -> status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
            case CONFLICT -> status(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        };
    }
}
