package org.metrolims.app.registry;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.problem;
import static org.metrolims.app.api.Problems.respond;
import static org.metrolims.app.api.Problems.status;

import org.metrolims.app.api.Problems;
import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.RegistryConflictException;
import org.metrolims.calibration.standard.RegistryForbiddenException;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry API's errors as problem+json, ahead of {@link org.metrolims.app.api.ApiProblems}: bad input 400 naming
 * each field in {@code errors[].field}; a rejected import 400 with {@code errors[].row} too; a stale version or a
 * retired record 409 with {@code code}; someone else's record 403, or 404 where its existence must not show.
 */
@RestControllerAdvice(basePackageClasses = RegistryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    /** One rejected cell of an import. */
    record RowProblem(int row, String field, String message) {
    }

    @ExceptionHandler(RegistryInputException.class)
    ResponseEntity<ProblemDetail> onInput(RegistryInputException e) {
        return badRequest(e.errors().stream().map(x -> new FieldProblem(x.field(), x.message())).toList());
    }

    @ExceptionHandler(RegistryConflictException.class)
    ResponseEntity<ProblemDetail> onConflict(RegistryConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        p.setProperty("code", e.code());
        return respond(p);
    }

    @ExceptionHandler(RegistryNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(RegistryNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(RegistryForbiddenException.class)
    ResponseEntity<ProblemDetail> onForbidden(RegistryForbiddenException e) {
        return status(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /** A body that cannot be read: names the field whose value was not understood. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(Problems.unreadable(e)));
    }

    /** A rejected import: nothing was imported; every rejected row and field is listed. */
    static ResponseEntity<ProblemDetail> rejectedImport(ImportReport report) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, report.rejections().size()
                + " problem(s) in " + report.rejections().stream().map(ImportReport.RowRejection::row).distinct()
                        .count() + " row(s); nothing was imported.");
        p.setTitle("Import rejected");
        p.setProperty("imported", 0);
        p.setProperty("errors", report.rejections().stream()
                .map(r -> new RowProblem(r.row(), r.field(), r.message())).toList());
        return respond(p);
    }


}
