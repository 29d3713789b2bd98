package org.metrolims.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database outage met inside a filter — seen by the load bench as a 500 when the login audit, after the password
 * was checked, found no free connection — is a 503 like one met in a controller; anything else passes on.
 */
class DatabaseOutageFilterTests {

    private final DatabaseOutageFilter filter = new DatabaseOutageFilter();

    private static FilterChain failingWith(RuntimeException e) {
        return (request, response) -> {
            throw e;
        };
    }

    @Test
    void anOutageInAFilterOfAnApiRequestIs503ProblemJson() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/instruments"), response,
                failingWith(new CannotCreateTransactionException("Could not open JDBC Connection",
                        new java.sql.SQLTransientConnectionException("Connection is not available"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.status")).isEqualTo(503);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.instance")).isEqualTo("/api/instruments");
    }

    @Test
    void anOutageAtTheLoginOfAPageIsThe503Page() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/login"), response,
                failingWith(new DataAccessResourceFailureException("Socket error")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
    }

    @Test
    void aFailureThatIsNoOutagePassesOnUnchanged() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/portal"),
                new MockHttpServletResponse(), failingWith(bug))).isSameAs(bug);
    }
}
