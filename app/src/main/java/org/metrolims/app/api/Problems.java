package org.metrolims.app.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.calibration.standard.ImportReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/**
 * The problem+json shapes every API error answer has, so that a client sees one format whichever feature refused its
 * request: bad input is a 400 whose {@code errors[]} name the fields ({@link Failures} maps the application's own
 * failures, {@link ApiProblems} Spring's binding and validation failures, both through these).
 */
public final class Problems {

    private Problems() {}

    /** 400 naming each rejected field. */
    public static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> fields) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + String.join(", ", fields.stream().map(FieldProblem::field).distinct().toList()) + ".");
        p.setTitle("Invalid request");
        p.setProperties(Map.of("errors", fields));
        return respond(p);
    }

    /** A problem with its status, title and detail (more properties may be set on it before it is sent). */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    /** A problem with its status, title and detail, sent as application/problem+json. */
    public static ResponseEntity<ProblemDetail> status(HttpStatus status, String title, String detail) {
        return respond(problem(status, title, detail));
    }

    /** A problem with its own status, sent as application/problem+json. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** One rejected cell of an import. */
    public record RowProblem(int row, String field, String message) {
    }

    /** A rejected import: 400, nothing was imported; every rejected row and field is listed in {@code errors[]}. */
    public static ResponseEntity<ProblemDetail> rejectedImport(ImportReport report) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, report.rejections().size()
                + " problem(s) in " + report.rejections().stream().map(ImportReport.RowRejection::row).distinct()
                        .count() + " row(s); nothing was imported.");
        p.setTitle("Import rejected");
        p.setProperty("imported", 0);
        p.setProperty("errors", report.rejections().stream()
                .map(r -> new RowProblem(r.row(), r.field(), r.message())).toList());
        return respond(p);
    }

    /** The field of a request body that could not be read (e.g. {@code points[0].nominal}), or "body". */
    public static FieldProblem unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = j.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new FieldProblem(field, "is not a valid value: " + j.getOriginalMessage());
        }
        return new FieldProblem("body", "is not readable JSON of the expected shape");
    }
}
