package org.metrolims.app.database;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.metrolims.app.api.ApiProblems;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shapes a database outage takes by the time it leaves a controller — each seen when the crash bench killed the
 * embedded server under an import — are a 503 problem+json, ahead of the API's last-resort 500; anything else still
 * reaches that last resort.
 */
class DatabaseOutageMappingTests {

    @RestController
    static class Failing {
        @GetMapping("/api/fail/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                // no connection within the pool's timeout, for a transaction
                case "pool" -> new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("embedded-mariadb - Connection is not available"));
                // the server died under a statement (jOOQ's exception, untranslated)
                case "statement" -> new org.jooq.exception.DataAccessException("SQL [insert ...]",
                        new SQLNonTransientConnectionException("(conn=6) Socket error", "08000"));
                // ... and the rollback that followed failed on the closed connection (what reached the client as a
                // 500 before)
                case "rollback" -> new TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed"));
                case "translated" -> new DataAccessResourceFailureException("Socket error");
                // a draft's insert chosen as the deadlock victim against a submission's update (the load bench's 500s)
                case "deadlock" -> new org.jooq.exception.DataAccessException("SQL [insert into calibration ...]",
                        new java.sql.SQLTransactionRollbackException("Deadlock found when trying to get lock; try "
                                + "restarting transaction", "40001", 1213));
                case "deadlock-translated" -> new org.springframework.dao.CannotAcquireLockException("Lock wait timeout");
                default -> new IllegalStateException("a bug");
            };
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiProblems(), new DatabaseOutage())
            .build();

    @Test
    void answersEveryShapeOfAnOutageWith503ProblemJson() throws Exception {
        for (String kind : new String[] {"pool", "statement", "rollback", "translated"}) {
            mvc.perform(get("/api/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.status").value(503));
        }
    }

    @Test
    void answersALostDeadlockWith503AndAShortRetryAfterNotA500() throws Exception {
        for (String kind : new String[] {"deadlock", "deadlock-translated"}) {
            mvc.perform(get("/api/fail/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.detail").value(DatabaseOutage.DEADLOCK_DETAIL));
        }
    }

    @Test
    void leavesOtherFailuresToTheLastResort() throws Exception {
        mvc.perform(get("/api/fail/bug")).andExpect(status().isInternalServerError());
    }
}
