package org.metrolims.app.uncertainty;

import static org.metrolims.app.api.Problems.badRequest;

import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.uncertainty.UncertaintyInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns a rejected budget into the same 400 problem+json as {@link org.metrolims.app.api.ApiProblems}
 * gives for bean validation: {@code errors: [{field, message}]}. Ahead of ApiProblems, and only
 * for the calculator, whose domain errors already name their field.
 */
@RestControllerAdvice(basePackageClasses = UncertaintyController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UncertaintyProblems {

    @ExceptionHandler(InvalidBudgetException.class)
    ResponseEntity<ProblemDetail> onInvalidBudget(InvalidBudgetException ex) {
        return badRequest(ex.problems());
    }

    @ExceptionHandler(UncertaintyInputException.class)
    ResponseEntity<ProblemDetail> onInvalidInput(UncertaintyInputException ex) {
        return badRequest(List.of(new FieldProblem(ex.input(), ex.getMessage())));
    }

}
