package org.metrolims.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestBodyLimitTest {

    private final RequestBodyLimit filter = new RequestBodyLimit(new HttpLimits(DataSize.ofBytes(100),
            DataSize.ofBytes(1000), List.of("/api/instruments/import")));

    @Test
    void aDeclaredLengthAboveTheLimitIs413BeforeAnythingReadsTheBody() throws Exception {
        MockHttpServletRequest request = post("/api/uncertainty/evaluate", 101);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();

        filter.doFilter(request, response, (req, res) -> reached.set(true));

        assertThat(reached).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("\"field\":\"body\"");
    }

    @Test
    void aChunkedBodyIsCountedAsItIsReadAndTheAnswerBecomes413() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/pt/score") {
            @Override
            public long getContentLengthLong() {
                return -1; // sent chunked: no length declared
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(new byte[150]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            try {
                req.getInputStream().readAllBytes();
                http.setStatus(200);
            } catch (IOException e) {
                // what an error handler makes of the failed read: a 400 body, written and flushed (as Spring's
                // message converters do), which the filter still replaces
                http.setStatus(400);
                http.getWriter().write("{\"status\":400}");
                http.flushBuffer();
            }
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).startsWith("{").contains("larger than this endpoint's limit of 100 bytes")
                .doesNotContain("\"status\":400");
    }

    @Test
    void anImportTakesItsOwnLargerLimitAndABodyWithinTheLimitPasses() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("/api/instruments/import", 900), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(post("/api/instruments/import", 1001), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);
    }

    @Test
    void aRequestWithoutABodyIsPassedOnUntouchedSoItsAnswerStreams() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/certificates/export.zip");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(chain.getResponse()).isSameAs(response);
    }

    private static MockHttpServletRequest post(String path, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("text/csv");
        request.setContent("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
