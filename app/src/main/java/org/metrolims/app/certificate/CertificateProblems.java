package org.metrolims.app.certificate;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.respond;

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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Not allowed now");
        p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return respond(p);
    }

    @ExceptionHandler(CertificateNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(CertificateNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return respond(p);
    }

    @ExceptionHandler(CertificateForbiddenException.class)
    ResponseEntity<ProblemDetail> onForbidden(CertificateForbiddenException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Forbidden");
        return respond(p);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(Problems.unreadable(e)));
    }
}
