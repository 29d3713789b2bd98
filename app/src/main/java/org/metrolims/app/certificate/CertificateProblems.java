package org.metrolims.app.certificate;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.problem;
import static org.metrolims.app.api.Problems.respond;
import static org.metrolims.app.api.Problems.status;

import java.util.List;
import org.metrolims.app.api.Problems;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.reports.certificate.CertificateForbiddenException;
import org.metrolims.reports.certificate.CertificateNotFoundException;
import org.metrolims.reports.certificate.CertificateRuleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The certificate API's errors as problem+json: a wrong signature password 400 naming {@code password}; a broken
 * rule (not approved, already certified, no reason) 409 naming its field; another lab's certificate 404, so that
 * its existence does not show; signing for another lab 403.
 */
@RestControllerAdvice(basePackageClasses = CertificateProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificateProblems {

    @ExceptionHandler(CertificateRuleException.class)
    ResponseEntity<ProblemDetail> onRule(CertificateRuleException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Not allowed now", e.getMessage());
        p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return respond(p);
    }

    @ExceptionHandler(CertificateNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(CertificateNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(CertificateForbiddenException.class)
    ResponseEntity<ProblemDetail> onForbidden(CertificateForbiddenException e) {
        return status(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(Problems.unreadable(e)));
    }
}
