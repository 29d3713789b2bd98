package org.metrolims.app.database;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A database that cannot be reached — stopped, restarting, gone in the middle of a transaction (its commit or
 * rollback fails), or every pooled connection busy past the pool's connection timeout — is the service being unavailable, not the client's fault and not a bug: the API answers
 * 503 problem+json with {@code Retry-After}, pages the 503 error page. Checked ahead of every other exception
 * handler (the failure may be wrapped by jOOQ, Spring's translation or the transaction manager; the handler
 * matches the cause too). Logins and API tokens that cannot be checked are answered the same way by the security
 * handlers, through {@link #isOutage}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutage {

    /** Seconds a client is told to wait: about what the embedded server's restart takes. */
    public static final String RETRY_AFTER_SECONDS = "5";

    public static final String DETAIL = "The database is not available at the moment; try again in a few seconds.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    /**
     * Whether {@code failure}, or anything it wraps, says that the database could not be reached: a connection
     * failure (SQLState class 08, or the driver's and Spring's types for it), no connection for a transaction, or
     * a commit or rollback that failed (the connection broke under the transaction: the server was killed).
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Seconds a client is told to wait after losing a deadlock: the other transaction is done by then. */
    public static final String RETRY_AFTER_DEADLOCK_SECONDS = "1";

    public static final String DEADLOCK_DETAIL =
            "Another change to the same records was being saved at the same moment; nothing was stored. Try again.";

    /**
     * A deadlock or lock-wait timeout under concurrent writes (seen by the load bench: a draft's insert against a
     * submission's update): a 503 with a short {@code Retry-After}, not a 500 — the server rolled the transaction back
     * whole (SQLState 40001: MariaDB errors 1213 and 1205 reach us as the driver's {@link SQLTransactionRollbackException},
     * possibly wrapped by jOOQ, or translated by Spring), so nothing is stored and the same request succeeds again.
     */
    @ExceptionHandler({PessimisticLockingFailureException.class, SQLTransactionRollbackException.class})
    ResponseEntity<ProblemDetail> onLockContention(Exception failure, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        log.warn("Lock contention on {} {}, rolled back: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        return unavailable(request, response, DEADLOCK_DETAIL, RETRY_AFTER_DEADLOCK_SECONDS);
    }

    /** The 503 answer of an API request, as problem+json. */
    public static ProblemDetail problem(HttpServletRequest request) {
        return problem(request, DETAIL);
    }

    private static ProblemDetail problem(HttpServletRequest request, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    @ExceptionHandler({SQLTransientConnectionException.class, SQLNonTransientConnectionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> onOutage(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                failure.getMessage());
        return unavailable(request, response, DETAIL, RETRY_AFTER_SECONDS);
    }

    /** A 503 with {@code Retry-After}: problem+json for the API, the error page (with the layout) for pages. */
    private static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request, HttpServletResponse response,
            String detail, String retryAfter) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(request, detail));
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        return null;
    }
}
