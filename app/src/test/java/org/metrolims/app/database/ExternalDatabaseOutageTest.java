package org.metrolims.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The application on an external server ({@code spring.datasource.url} set, so Spring Boot's own pool with the
 * {@code spring.datasource.hikari.*} settings of application.yml, and no embedded server of the app's): a MariaDB
 * started by the test, which the test kills and later starts again on the same data folder and port. While it is
 * gone, a request with valid credentials is a fast 503 problem+json (not a 401, not a 500), a signed-in page is the
 * 503 page and health says DOWN within seconds; within 10 s of the server's return the same requests are served
 * again, without restarting the app, and what was acknowledged before the outage is still there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalDatabaseOutageTest {

    /** Generous: a behavioural bound (the pool's 3 s connection timeout, not the driver's 30 s), not a benchmark. */
    private static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    static EmbeddedMariaDb server;
    static int port;
    static ConfigurableApplicationContext app;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    static String base;
    static String tokenSecret;

    @BeforeAll
    static void startAnExternalServerAndTheAppOnIt() {
        server = EmbeddedMariaDb.start(dataDir, 0);
        port = server.port();
        server.createDatabase("lims");
        app = new SpringApplicationBuilder(MetroLimsApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + server.jdbcUrl("lims"),
                "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(),
                "--lims.demo.enabled=false", "--lims.recall.enabled=false");
        TestAccounts.ensure(app.getBean(DSLContext.class), app.getBean(PasswordEncoder.class));
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void usesTheExternalServerAndServesWhileItRuns() throws Exception {
        assertThat(app.getBeanNamesForType(EmbeddedMariaDb.class)).as("no embedded server of the app's").isEmpty();
        assertThat(get("/api/disciplines", "test-tech", TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(get("/api/disciplines", "test-tech", "wrong-password").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null, null).body()).contains("\"UP\"");
        assertThat(formLogin(signedIn).statusCode()).isEqualTo(302);
        assertThat(page(signedIn).statusCode()).isEqualTo(200);

        // an acknowledged write, looked for after the outage: an API token of test-tech (the answer is its secret)
        long tech = app.getBean(DSLContext.class).select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.USERNAME.eq("test-tech")).fetchSingle().value1();
        HttpResponse<String> issued = http.send(basic(HttpRequest.newBuilder(
                        URI.create(base + "/api/accounts/" + tech + "/tokens")), "test-admin", TestAccounts.PASSWORD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"outage\",\"scopes\":[\"read:reference\"],"
                        + "\"expiresAt\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        assertThat(secret.find()).isTrue();
        tokenSecret = secret.group(1);
        assertThat(bearer("/api/disciplines", tokenSecret).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void answersTheOutageWithAFast503ProblemAndHealthDown() throws Exception {
        kill(server);

        long started = System.nanoTime();
        HttpResponse<String> api = get("/api/disciplines", "test-tech", TestAccounts.PASSWORD);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("External server gone: API answered " + api.statusCode() + " in " + took.toMillis() + " ms");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(took).isLessThan(FAST);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"status\":503");

        started = System.nanoTime();
        HttpResponse<String> token = bearer("/api/disciplines", tokenSecret);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(503);

        started = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health", null, null);
        took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("External server gone: health answered " + health.statusCode() + " in " + took.toMillis()
                + " ms");
        assertThat(took).isLessThan(FAST);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");

        started = System.nanoTime();
        HttpResponse<String> page = page(signedIn);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Not available for a moment");
    }

    @Test
    @Order(3)
    void servesAgainWithinTenSecondsOfTheServersReturnWithNothingLost() throws Exception {
        server = EmbeddedMariaDb.start(dataDir, port);
        long back = System.nanoTime();
        long deadline = back + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = get("/api/disciplines", "test-tech", TestAccounts.PASSWORD).statusCode();
            if (status != 200) {
                assertThat(status).as("while the pool reconnects").isEqualTo(503);
                Thread.sleep(200);
            }
        }
        System.out.println("External server back: served again after "
                + Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms");
        assertThat(status).as("served again within 10 s of the server's return").isEqualTo(200);

        assertThat(bearer("/api/disciplines", tokenSecret).statusCode()).as("the token issued before the outage")
                .isEqualTo(200);
        assertThat(page(signedIn).statusCode()).as("the session outlives the outage").isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    /** Kills the server as a crash would (SIGKILL), then releases what the test's handle of it holds. */
    private static void kill(EmbeddedMariaDb db) throws Exception {
        ProcessHandle process = ProcessHandle.of(db.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
        try {
            db.close(); // stops the parent watcher, deletes the run folder
        } catch (IllegalStateException alreadyGone) {
            // the process it would wait for is gone already
        }
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

    private static HttpResponse<String> page(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            basic(request, user, password);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> bearer(String path, String secret) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30));
    }
}
