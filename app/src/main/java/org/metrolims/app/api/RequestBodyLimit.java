package org.metrolims.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The global request-body limit ({@link HttpLimits}): a body declared larger than its limit (Content-Length) is
 * refused with 413 problem+json before anything reads it, and one sent without a length (chunked) is counted as it
 * is read — whoever reads past the limit gets an I/O error, and the answer (held back until the handler is done)
 * becomes that 413, whatever the handler made of the error. Runs before the security filters, so a refusal costs no authentication either. Multipart bodies
 * are left to Spring's multipart limits, which the container enforces while it parses them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
// registered here as well as by the application's scan so that web slice tests bind it too
@EnableConfigurationProperties(HttpLimits.class)
class RequestBodyLimit extends OncePerRequestFilter {

    private final HttpLimits limits;

    RequestBodyLimit(HttpLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limits.limitFor(request.getMethod(), request.getRequestURI().substring(
                request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // the container reads no more than the declared length, which is within the limit; and a request with
            // neither a length nor a transfer coding has no body (a GET): both pass untouched, answers streamed
            chain.doFilter(request, response);
            return;
        }
        // No length declared (chunked): count while it is read, and hold the answer back until the handler is done,
        // since whatever it made of the failed read (a 400 from a message converter, which flushes) is to become 413.
        CountingRequest counted = new CountingRequest(request, limit);
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(counted, held);
        if (counted.exceeded && !response.isCommitted()) {
            response.reset();
            tooLarge(response, limit);
        } else {
            held.copyBodyToResponse();
        }
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than this endpoint's limit of " + limit + " bytes.\","
                + "\"limit\":" + limit + ",\"errors\":[{\"field\":\"body\",\"message\":\"is larger than " + limit
                + " bytes\"}]}");
    }

    /** The request whose body stream fails once more than the limit has been read from it. */
    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;
        volatile boolean exceeded;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            CountingStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) throws IOException {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new IOException("The request body is larger than " + limit + " bytes");
                }
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }
}
