package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

/**
 * The session cookie as real Tomcat sends it: {@code Secure} when the request came over HTTPS — here through a
 * TLS-terminating proxy that says so with {@code X-Forwarded-Proto}, honoured with {@code LIMS_FORWARD_HEADERS=native}
 * — and still usable over plain HTTP for local use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "LIMS_FORWARD_HEADERS=native"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class SessionCookieTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aRequestThatArrivedOverHttpsGetsASecureHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page);
        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void plainHttpGetsACookieWithoutSecureAndTheLoginWorks() throws Exception {
        TestAccounts.ensure(dsl, encoder);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page);
        assertThat(cookie).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly");

        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=test-tech&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(sessionCookie(login)).doesNotContainIgnoringCase("Secure");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
