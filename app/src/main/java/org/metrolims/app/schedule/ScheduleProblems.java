package org.metrolims.app.schedule;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.status;

import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.app.api.Problems;
import org.metrolims.calibration.interval.IntervalInputException;
import org.metrolims.calibration.interval.IntervalNotFoundException;
import org.metrolims.calibration.schedule.ScheduleInputException;
import org.metrolims.calibration.schedule.ScheduleNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The schedule and interval API's errors as problem+json: bad input 400 naming the field (a negative
 * {@code within}, an interval of zero months, a negative capacity), an unknown lab, standard or type 404,
 * nothing to decide on 409.
 */
@RestControllerAdvice(basePackageClasses = ScheduleProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScheduleProblems {

    @ExceptionHandler(ScheduleInputException.class)
    ResponseEntity<ProblemDetail> onInput(ScheduleInputException e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(IntervalInputException.class)
    ResponseEntity<ProblemDetail> onIntervalInput(IntervalInputException e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler({ScheduleNotFoundException.class, IntervalNotFoundException.class})
    ResponseEntity<ProblemDetail> onNotFound(RuntimeException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> onConflict(IllegalStateException e) {
        return status(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(Problems.unreadable(e)));
    }
}
