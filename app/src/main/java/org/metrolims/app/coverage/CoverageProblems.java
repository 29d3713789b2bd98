package org.metrolims.app.coverage;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.problem;
import static org.metrolims.app.api.Problems.respond;
import static org.metrolims.app.api.Problems.status;

import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.app.coverage.CoverageAccess.CoverageForbiddenException;
import org.metrolims.app.coverage.CoverageAccess.CoverageInputException;
import org.metrolims.calibration.standard.ImportReport;
import org.metrolims.calibration.standard.RegistryInputException;
import org.metrolims.calibration.traceability.TraceabilityNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Coverage and traceability API errors as problem+json: 400 naming the field, 403, 404. */
@RestControllerAdvice(basePackageClasses = CoverageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CoverageProblems {

    record RowProblem(int row, String field, String message) {
    }

    @ExceptionHandler(CoverageInputException.class)
    ResponseEntity<ProblemDetail> onInput(CoverageInputException e) {
        return badRequest(List.of(new FieldProblem(e.field, e.getMessage())));
    }

    @ExceptionHandler(RegistryInputException.class)
    ResponseEntity<ProblemDetail> onFile(RegistryInputException e) {
        return badRequest(e.errors().stream().map(x -> new FieldProblem(x.field(), x.message())).toList());
    }

    @ExceptionHandler(TraceabilityNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(TraceabilityNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(CoverageForbiddenException.class)
    ResponseEntity<ProblemDetail> onForbidden(CoverageForbiddenException e) {
        return status(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    /** A rejected import: nothing was imported; every rejected row and field is listed. */
    static ResponseEntity<ProblemDetail> rejectedImport(ImportReport report) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                report.rejections().size() + " problem(s); nothing was imported.");
        p.setTitle("Import rejected");
        p.setProperty("imported", 0);
        p.setProperty("errors", report.rejections().stream()
                .map(r -> new RowProblem(r.row(), r.field(), r.message())).toList());
        return respond(p);
    }
}
