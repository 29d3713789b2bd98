package org.metrolims.app.proficiency;

import static org.metrolims.app.api.Problems.badRequest;
import static org.metrolims.app.api.Problems.problem;
import static org.metrolims.app.api.Problems.respond;
import static org.metrolims.app.api.Problems.status;

import org.metrolims.app.api.Problems;
import java.util.List;
import org.metrolims.app.api.ApiProblems.FieldProblem;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtNotFoundException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.statistics.AlgorithmANotConvergedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The PT API's errors as problem+json, ahead of the application-wide {@link org.metrolims.app.api.ApiProblems}: bad
 * input is 400 naming the field in {@code errors[].field}; a broken workflow rule (deadline passed, not enrolled,
 * duplicate enrolment, illegal status change) is 409 with the rule in {@code code}; an unknown round or lab 404.
 */
@RestControllerAdvice(basePackageClasses = PtProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PtProblems {

    @ExceptionHandler(PtInputException.class)
    ResponseEntity<ProblemDetail> onInput(PtInputException e) {
        return badRequest(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(PtRuleException.class)
    ResponseEntity<ProblemDetail> onRule(PtRuleException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Not allowed now", e.getMessage());
        p.setProperty("code", e.code());
        if (e.field() != null) {
            p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return respond(p);
    }

    @ExceptionHandler(PtNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(PtNotFoundException e) {
        return status(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** The statistics refuse the data: non-finite value, duplicate lab code, too few results, s* = 0. */
    @ExceptionHandler({IllegalArgumentException.class, AlgorithmANotConvergedException.class})
    ResponseEntity<ProblemDetail> onStatistics(RuntimeException e) {
        return badRequest(List.of(new FieldProblem("results", e.getMessage())));
    }

    /** A body that cannot be read: names the field whose value was not understood. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> onUnreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PtInputException input) {
                return onInput(input);
            }
        }
        return badRequest(List.of(Problems.unreadable(e)));
    }


}
