package org.metrolims.app.api;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem+json. Bad input names the field it is about in an
 * {@code errors} list ({@code [{"field": "size", "message": "..."}]}), so a script or a form can
 * point at it; unexpected failures give a 500 without internals (they are logged). The application's own failures
 * ({@link org.metrolims.db.failure.Failure}) are answered by {@link Failures}, in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One field that was rejected, and why. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex instanceof MethodArgumentTypeMismatchException m
                ? m.getParameter().nestedIfOptional().getNestedParameterType()
                : ex.getRequiredType();
        String message;
        if (type != null && type.isEnum()) {
            message = "'" + ex.getValue() + "' is not one of " + List.of(type.getEnumConstants());
        } else if (ex.getMostSpecificCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                && !(iae instanceof NumberFormatException)) {
            message = iae.getMessage();
        } else {
            message = "'" + ex.getValue() + "' is not a valid value";
        }
        return badRequest(List.of(new FieldProblem(field, message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? name + "." + fe.getField() : name;
                fields.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return badRequest(fields, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(fe -> fields.add(new FieldProblem(fe.getField(), fe.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> fields.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return badRequest(fields, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(Problems.unreadable(ex)), headers, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> onConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> fields = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return badRequest(fields, new HttpHeaders(), request);
    }

    /**
     * A safety net, not the fix: a write the database refused because a value did not fit its column or broke a
     * check (input that validation should have named, and let through) is a 400, a duplicate key a 409; the
     * transaction has rolled back, so nothing is stored. Logged, since it means a validation is missing.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> onIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
        return refusedByDatabase(ex, ex instanceof DuplicateKeyException, request);
    }

    /** SQLSTATE class 22 (data exception: out of range, truncated) or 23 (integrity constraint), else null. */
    private static SQLException refusedWrite(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql;
            }
        }
        return null;
    }

    private ResponseEntity<Object> refusedByDatabase(Exception ex, boolean conflict, WebRequest request) {
        log.warn("Database refused a write on {} (a validation is missing): {}", request.getDescription(false),
                NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
        if (conflict) {
            ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Conflict",
                    "The record conflicts with one that already exists or depends on it; nothing was stored.");
            return createResponseEntity(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
        }
        return badRequest(List.of(new FieldProblem("body",
                "a value is outside what can be stored (too large, too long or not allowed); nothing was stored")),
                new HttpHeaders(), request);
    }

    /**
     * A query string the servlet container cannot decode (a percent-escape that is not UTF-8, such as {@code %FF}):
     * Tomcat names the parameter only in its message.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> onUndecodableParameter(InvalidParameterException ex, WebRequest request) {
        Matcher name = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]").matcher(String.valueOf(ex.getMessage()));
        return badRequest(List.of(new FieldProblem(name.find() ? name.group(1) : "query",
                "is not valid UTF-8 once percent-decoded")), new HttpHeaders(), request);
    }

    /** The last resort: log the cause, tell the client no more than that it failed. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> onUnexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex; // the security filters answer these
        }
        SQLException refused = refusedWrite(ex);
        if (refused != null) {
            // writes through JDBC inside jOOQ arrive untranslated; 1062 duplicate key, 1451 row still referenced
            return refusedByDatabase(ex, refused.getErrorCode() == 1062 || refused.getErrorCode() == 1451, request);
        }
        log.error("Unexpected failure on {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; the failure has been logged.");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> badRequest(List<FieldProblem> fields, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + String.join(", ", fields.stream().map(FieldProblem::field).distinct().toList()) + ".");
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", fields));
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
