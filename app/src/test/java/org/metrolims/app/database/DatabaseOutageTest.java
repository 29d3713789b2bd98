package org.metrolims.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestAccounts;
import org.metrolims.db.EmbeddedMariaDb;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application on an embedded MariaDB of its own (not the shared test server), which the test kills: while it
 * is down, a request with valid credentials is a fast 503 problem+json (not a 401 after a 30 s stall), a page of a
 * signed-in user and a form login are the 503 page (not a 500, not "wrong password"), and health says DOWN within
 * seconds; once the server is watched, the app
 * restarts it and serves again within 15 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext app;
    static EmbeddedMariaDb server;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    static String base;

    @BeforeAll
    static void startTheAppOnItsOwnServer() {
        app = new SpringApplicationBuilder(MetroLimsApplication.class).run("--server.port=0",
                "--lims.db.data-dir=" + dataDir, "--lims.demo.enabled=false", "--lims.recall.enabled=false",
                // the test decides when the server is watched (see the last test)
                "--lims.db.keep-alive-interval=0");
        server = app.getBean(EmbeddedMariaDb.class);
        TestAccounts.ensure(app.getBean(DSLContext.class), app.getBean(PasswordEncoder.class));
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void servesWhileTheDatabaseRuns() throws Exception {
        assertThat(get("/api/disciplines", "test-tech", TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/disciplines", "test-tech", "wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null, null).body()).contains("\"UP\"");
        assertThat(formLogin(signedIn).statusCode()).isEqualTo(302);
        assertThat(signedIn.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void answersAnOutageWithA503ProblemQuicklyAndHealthDown() throws Exception {
        long pid = server.pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).orElseThrow().onExit().get(10, TimeUnit.SECONDS);

        long started = System.nanoTime();
        HttpResponse<String> api = get("/api/disciplines", "test-tech", TestAccounts.PASSWORD);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"status\":503");

        started = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");

        HttpResponse<String> page = signedIn.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "text/html").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Not available for a moment");

        HttpResponse<String> login = formLogin(HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("Not available for a moment");
    }

    @Test
    @Order(3)
    void restartsTheDeadServerAndServesAgainWithinFifteenSeconds() throws Exception {
        assertThat(server.isRunning()).isFalse();
        server.keepAlive(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = get("/api/disciplines", "test-tech", TestAccounts.PASSWORD).statusCode();
            if (status != 200) {
                assertThat(status).isEqualTo(503);
                Thread.sleep(250);
            }
        }
        assertThat(status).as("served again within 15 s of the restart starting").isEqualTo(200);
        assertThat(get("/actuator/health", null, null).body()).contains("\"UP\"");
    }

    /** Signs in through the login form, as a browser does (the form's CSRF token, the session cookie). */
    private static HttpResponse<String> formLogin(HttpClient browser) throws Exception {
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .POST(HttpRequest.BodyPublishers.ofString("username=test-tech&password=" + TestAccounts.PASSWORD
                        + "&_csrf=" + csrf.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Accept-Language", "en")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
