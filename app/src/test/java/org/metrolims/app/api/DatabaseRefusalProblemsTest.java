package org.metrolims.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLDataException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metrolims.db.PageRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The central handler's safety net: what the database refuses is the client's 400 or 409, never a 500. */
class DatabaseRefusalProblemsTest {

    private final ApiProblems problems = new ApiProblems();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/x"));

    @Test
    void aCheckConstraintFailingInsideJooqIs400NamingTheBody() throws Exception {
        var failed = new org.jooq.exception.DataAccessException("Error while running ConnectionCallable",
                new SQLIntegrityConstraintViolationException("CONSTRAINT `ck_calibration_p` failed", "23000", 4025));

        ResponseEntity<Object> answer = problems.onUnexpected(failed, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("body");
    }

    @Test
    void anOutOfRangeValueIs400AndADuplicateKeyIs409() throws Exception {
        var outOfRange = new org.jooq.exception.DataAccessException("SQL [insert …]",
                new SQLDataException("Out of range value for column 'nominal'", "22003", 1264));
        assertThat(problems.onUnexpected(outOfRange, request).getStatusCode().value()).isEqualTo(400);

        var duplicate = new org.jooq.exception.DataAccessException("SQL [insert …]",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
        assertThat(problems.onUnexpected(duplicate, request).getStatusCode().value()).isEqualTo(409);
        assertThat(problems.onIntegrityViolation(new DuplicateKeyException("dup"), request).getStatusCode().value())
                .isEqualTo(409);
        assertThat(problems.onIntegrityViolation(new DataIntegrityViolationException("too long"), request)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anythingElseIsStillA500WithoutInternals() throws Exception {
        ResponseEntity<Object> answer = problems.onUnexpected(new IllegalStateException("secret detail"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("secret");
    }

    @Test
    void anInvalidPageIs400NamingTheParameter() {
        // the page's own failure is an InvalidInput, answered by the one failure mapping
        ResponseEntity<?> answer = Failures.problem(
                new PageRequest.InvalidPageException("size", "must be between 1 and 500, got 1000"), null);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("size");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<?> answer) {
        var errors = (List<ApiProblems.FieldProblem>) ((ProblemDetail) answer.getBody()).getProperties().get("errors");
        return errors.stream().map(ApiProblems.FieldProblem::field).toList();
    }
}
