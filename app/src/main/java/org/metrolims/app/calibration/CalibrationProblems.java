package org.metrolims.app.calibration;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.problem;
import static org.metrolims.app.api.Problems.respond;
import static org.metrolims.app.api.Problems.status;

import org.metrolims.app.api.Problems;
import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.record.CalibrationInputException;
import org.metrolims.calibration.record.CalibrationNotFoundException;
import org.metrolims.calibration.record.CalibrationRuleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The calibration API's errors as problem+json, ahead of {@link org.metrolims.app.api.ApiProblems}: bad input is 400
 * naming the field in {@code errors[].field} (e.g. {@code points[0].toleranceUnit}); a workflow rule (approving one's
 * own calibration, editing an approved record, a stale version) is 409 with the rule in {@code code}; not being a
 * technician of the performing lab is 403; a record one may not see is 404.
 */
@RestControllerAdvice(assignableTypes = {CalibrationApiController.class, CalibrationFormController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalibrationProblems {

    @ExceptionHandler(CalibrationInputException.class)
    ResponseEntity<ProblemDetail> onInput(CalibrationInputException e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(CalibrationRuleException.class)
    ResponseEntity<ProblemDetail> onRule(CalibrationRuleException e) {
        boolean forbidden = e.reason() == CalibrationRuleException.Reason.NOT_PERMITTED;
        ProblemDetail p = problem(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, forbidden ? "Forbidden" : "Not allowed now", e.getMessage());
        p.setProperty("code", e.reason().name());
        if (e.field() != null) {
            p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return respond(p);
    }

    @ExceptionHandler(CalibrationNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(CalibrationNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** A body that cannot be read: names the field whose value was not understood. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CalibrationInputException input) {
                return onInput(input);
            }
        }
        return badRequest(List.of(Problems.unreadable(e)));
    }


}
