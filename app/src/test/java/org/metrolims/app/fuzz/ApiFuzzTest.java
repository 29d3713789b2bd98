package org.metrolims.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.jooq.DSLContext;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.proficiency.PtApiFixture;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of the whole REST API over real HTTP (the app on a random port, its filters, Jackson and
 * security included): requests generated for every operation of the app's own OpenAPI document, as a technician, a
 * lab and an officer, shaped by each schema and then mutated (see {@link RequestGenerator}). The property: never a
 * 5xx, and a refused write (4xx) leaves the row counts of the main tables as they were.
 *
 * <p>Tries are bounded ({@code -Dlims.fuzz.tries}, default below); with {@code CI=true} the seed is fixed, locally
 * it is random and jqwik prints it; {@code -Dlims.fuzz.seed=...} replays one. A failure prints the shrunk request
 * as a curl line. {@code -Dlims.fuzz.census=true} runs every try without failing and prints every 5xx by cause.
 */
@PropertyDefaults(tries = ApiFuzzTest.TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
class ApiFuzzTest {

    static final int TRIES = 3000;
    static final String CI_SEED = "20261207";
    static final String PASSWORD = TestAccounts.PASSWORD;
    static final List<String> USERS = List.of("test-tech", "test-lab-a", "test-officer");

    /** The tables whose row counts a refused write must not change (the audit trail may record the refusal). */
    static final List<String> MAIN_TABLES = List.of("organization", "app_user", "user_role", "api_token",
            "measurement_standard", "measurement_standard_status", "standard_assessment_certificate",
            "standard_scheme_claim", "instrument", "instrument_type", "calibration", "calibration_reference_standard",
            "measurement_point", "measurement_reading", "uncertainty_component", "uncertainty_correlation",
            "certificate", "certificate_batch", "certificate_batch_item", "electronic_signature", "pt_scheme",
            "pt_round", "pt_enrolment", "pt_result", "pt_item_measurement", "pt_score", "pt_document",
            "capability_demand", "procedure_interval", "lab_capacity", "interval_decision", "procedure_template",
            "procedure_template_version", "procedure_template_point", "procedure_template_component",
            "calibration_procedure");

    static ConfigurableApplicationContext app;
    static DSLContext dsl;
    static HttpClient http;
    static MockMvc mvc;
    static String base;
    static List<OpenApiOperations.Operation> operations;
    static RequestGenerator generator;
    static final Map<String, List<String>> allowedUsers = new ConcurrentHashMap<>();
    static final ServerErrorLog serverErrors = new ServerErrorLog();
    static final Map<String, List<FuzzRequest>> census = new ConcurrentHashMap<>();
    static final AtomicInteger sent = new AtomicInteger();
    static final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @BeforeContainer
    static void boot() throws Exception {
        app = new SpringApplicationBuilder(MetroLimsApplication.class)
                .initializers(new TestDatabaseInitializer())
                .run("--server.port=0", "--lims.demo.enabled=false", "--spring.main.banner-mode=off",
                        "--lims.security.login.max-failures-per-account=1000000",
                        "--lims.security.login.max-failures-per-address=1000000");
        dsl = app.getBean(DSLContext.class);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
        Fixtures fixtures = fixtures();
        // the document is served to signed-in page users (a session), not on the Basic-auth API chain
        JsonNode document = JsonMapper.builder().build().readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                .with(SecurityMockMvcRequestPostProcessors.user("fuzz").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString());
        operations = OpenApiOperations.read(document).stream()
                .filter(op -> op.path().startsWith("/api/"))
                .sorted(Comparator.comparing(OpenApiOperations.Operation::toString))
                .toList();
        System.out.printf("API fuzzing: %d operations, tries %s, seed %s%n", operations.size(),
                System.getProperty("lims.fuzz.tries", "default"), System.getProperty("lims.fuzz.seed", "-"));
        generator = new RequestGenerator(OpenApiOperations.resolverOf(document), fixtures, USERS);
        // the role rules answer 403 by path and method before any body is read: one plain request per user and
        // operation finds who gets past them, so that tries are not spent on 403s
        for (OpenApiOperations.Operation op : operations) {
            List<String> allowed = new ArrayList<>();
            for (String user : USERS) {
                String type = op.contentType() == null ? null : op.contentType();
                if (send(user, op.method(), generator.plainPath(op), type, new byte[0]).statusCode() != 403) {
                    allowed.add(user);
                }
            }
            allowedUsers.put(op.toString(), allowed);
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(serverErrors);
        serverErrors.start();
    }

    @AfterContainer
    static void report() {
        System.out.printf("%nAPI fuzzing: %d requests over %d operations; statuses %s%n", sent.get(),
                operations == null ? 0 : operations.size(), new java.util.TreeMap<>(statuses));
        census.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            FuzzRequest shortest = e.getValue().stream()
                    .min(Comparator.comparingInt(r -> r.toString().length())).orElseThrow();
            System.out.printf("5xx × %d  %s%n    %s%n", e.getValue().size(), e.getKey(), shortest);
        });
        if (app != null) {
            app.close();
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Arbitraries.of(operations).flatMap(op -> generator.requests(op, allowedUsers.get(op.toString())));
    }

    @Property
    @AddLifecycleHook(SeedAndTries.class)
    void neverAServerErrorNorAHalfWrittenRecord(@ForAll("requests") FuzzRequest request) throws Exception {
        List<Long> before = request.writes() ? rowCounts() : List.of();
        serverErrors.clear();
        HttpResponse<String> response = send(request.user(), request.method(), request.pathAndQuery(),
                request.contentType(), request.bodyBytes());
        sent.incrementAndGet();
        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() >= 500) {
            String cause = request.operation() + " → " + serverErrors.cause();
            census.computeIfAbsent(cause, c -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(request);
            if (!Boolean.getBoolean("lims.fuzz.census")) {
                throw new AssertionError(response.statusCode() + " from " + cause + "\n  " + request);
            }
        }
        if (request.writes() && response.statusCode() >= 400 && response.statusCode() < 500) {
            assertThat(rowCounts()).as("row counts of %s after a refused write (%d)\n  %s", MAIN_TABLES,
                    response.statusCode(), request).isEqualTo(before);
        }
    }

    /** Found by this property: a percent-escape that is not UTF-8 failed in Tomcat's parameter parsing (500). */
    @Example
    void undecodableQueryParameterIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = send("test-tech", "GET", "/api/instruments?q=%FF%FE", null, new byte[0]);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonMapper.builder().build().readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("q");
    }

    /** Found by this property: a component name longer than its column was a database truncation (500). */
    @Example
    void overLongComponentNameIsABadRequestNamingIt() throws Exception {
        String body = new CalibrationApiFixture(dsl, app.getBean(PasswordEncoder.class), "FUZZ", 951).draft()
                .replace("\"name\":\"reference\"", "\"name\":\"" + "r".repeat(101) + "\"");
        HttpResponse<String> response = send("test-tech", "POST", "/api/calibrations", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonMapper.builder().build().readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("points[0].components[0].name");
    }

    static HttpResponse<String> send(String user, String method, String pathAndQuery, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body.length == 0 && contentType == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> rowCounts() throws InterruptedException {
        // a batch issue started by an earlier try writes certificates in the background: let it finish first
        for (int i = 0; i < 300 && dsl.fetchExists(dsl.selectOne().from("certificate_batch")
                .where("status = 'RUNNING'")); i++) {
            Thread.sleep(100);
        }
        String sql = "select " + String.join(", ", MAIN_TABLES.stream().map(t -> "(select count(*) from " + t + ")")
                .toList());
        return dsl.fetchOne(sql).intoList().stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** Real ids and codes: a draft and an approved calibration, its certificate, a scored and an open PT round. */
    private static Fixtures fixtures() throws Exception {
        PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
        CalibrationApiFixture cal = new CalibrationApiFixture(dsl, encoder, "FUZZ", 951);
        // every request authenticates with Basic; bcrypt would spend ~100 ms of a core on each, so this schema's
        // accounts keep their password as {noop} (the same filters and the same check, a cheaper encoding)
        dsl.execute("update app_user set password_hash = '{noop}" + PASSWORD + "' where username like 'test-%'");
        long draft = id(send("test-tech", "POST", "/api/calibrations", "application/json", cal.draft().getBytes()));
        long approved = id(send("test-tech", "POST", "/api/calibrations", "application/json", cal.draft().getBytes()));
        step("test-tech", approved, "submit", 0);
        step("test-tech-2", approved, "approve", 1);
        String number = json(send("test-tech", "POST", "/api/certificates", "application/json",
                "{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(approved, PASSWORD).getBytes()))
                .path("number").asString();
        var pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched scored = pt.scored();
        PtApiFixture.Dispatched open = pt.dispatched(PtApiFixture.FUTURE);
        long scheme = pt.referenceScheme("PT-TEST");
        long type = ((Number) dsl.fetchValue("select instrument_type_id from instrument where id = " + cal.instrument)).longValue();
        long techId = ((Number) dsl.fetchValue("select id from app_user where username = 'test-tech'")).longValue();
        long discipline = ((Number) dsl.fetchValue("select id from discipline where code = 'PT-TEST'")).longValue();
        String signedReason = "{\"password\":\"" + PASSWORD + "\",\"reason\":\"typo\"}";
        String procedureBody = """
                {"code":"JJG FZ-%s","title":"Calipers","instrumentTypeId":%d,"unit":"mm",
                 "decisionRule":"SIMPLE_ACCEPTANCE","points":[{"nominal":10,"unit":"mm","tolerance":0.02,
                 "toleranceUnit":"mm","components":[{"name":"reference","expandedUncertainty":0.0008,
                 "coverageFactor":2},{"name":"resolution","distribution":"rectangular","halfWidth":0.005}]}]}""";
        long procedure = id(send("test-tech", "POST", "/api/procedures", "application/json",
                procedureBody.formatted("1", type).getBytes()));
        return new Fixtures()
                .segment("calibrations", draft, approved)
                .segment("instruments", cal.instrument)
                .segment("standards", cal.standard)
                .segment("certificates", number)
                .segment("rounds", scored.round(), open.round())
                .segment("schemes", scheme)
                .segment("instrument-types", type)
                .segment("labs", cal.labA, cal.institute)
                .segment("accounts", techId)
                .segment("procedures", "JJG 30-2012", procedure)
                .segment("capacities", discipline)
                .segment("letters", scored.codeA(), scored.codeB())
                .segment("results", open.codeA(), open.codeB())
                .name("instrumentId", cal.instrument)
                .name("referenceStandardIds", cal.standard)
                .name("calibrationId", approved, draft)
                .name("schemeId", scheme)
                .name("organizationCode", "T-LAB-A", "T-LAB-B", "T-INST")
                .name("providerCode", "T-INST")
                .name("disciplineCode", "PT-TEST")
                .name("labCode", scored.codeA(), open.codeA())
                .name("password", PASSWORD)
                .name("version", 0, 1, 2)
                .name("unit", "mm", "µm", "m", "kg")
                .name("toleranceUnit", "µm", "mm")
                .name("region", "350000")
                .name("lab", cal.labA, cal.institute)
                .name("number", number)
                .name("userId", techId)
                .example("POST /api/calibrations", cal.draft())
                .example("POST /api/calibrations/import", "[" + cal.draft() + "]")
                .example("POST /api/calibrations/{id}/submit", "{\"version\":0}")
                .example("POST /api/calibrations/{id}/approve", "{\"version\":1,\"password\":\"" + PASSWORD + "\"}")
                .example("POST /api/calibrations/{id}/return", "{\"version\":1,\"reason\":\"typo\"}")
                .example("POST /api/calibrations/{id}/withdraw", "{\"version\":1,\"reason\":\"typo\"}")
                .example("POST /api/calibrations/{id}/revisions", "{\"reason\":\"typo\"}")
                .example("POST /api/certificates", "{\"calibrationId\":%d,\"password\":\"%s\"}"
                        .formatted(approved, PASSWORD))
                .example("POST /api/certificates/{number}/amendments", signedReason)
                .example("POST /api/certificates/{number}/withdrawal", signedReason)
                .example("POST /api/certificates/batches", "{\"password\":\"" + PASSWORD + "\"}")
                .example("POST /api/instruments", """
                        {"owner":"T-LAB-A","type":"FUZZ-TEST-CALIPER","manufacturer":"Mitutoyo","model":"500",
                         "serialNo":"FZ-1","rangeLow":0,"rangeHigh":150,"unit":"mm","resolution":0.01,
                         "maxPermissibleError":0.02,"location":"lab 1"}""")
                .example("POST /api/standards", """
                        {"code":"FZ-STD","nameZh":"量块","nameEn":"Gauge blocks","discipline":"FUZZ-TEST-LENGTH",
                         "quantity":"FUZZ-TEST-LENGTH","level":"PROVINCIAL_PUBLIC","owner":"T-INST",
                         "region":"350000","rangeLow":0.5,"rangeHigh":100,"unit":"mm","accuracyClass":"K",
                         "establishedOn":"2020-05-01","certificate":{"certificateNo":"C-FZ","issuedOn":"2023-01-10",
                         "expiresOn":"2027-01-09","issuer":"福建省市场监督管理局"}}""")
                .example("POST /api/pt/rounds", """
                        {"schemeId":%d,"code":"R-FZ","schedule":%s,"referenceValue":10.0,
                         "referenceUncertainty":0.01}""".formatted(scheme, PtApiFixture.FUTURE))
                .example("POST /api/pt/rounds/{id}/enrolments", "{\"organizationCode\":\"T-LAB-B\"}")
                .example("POST /api/pt/rounds/{id}/results", "{\"value\":10.01,\"standardUncertainty\":0.004}")
                .example("POST /api/pt/rounds/{id}/results/{labCode}/late",
                        "{\"value\":10.05,\"standardUncertainty\":0.02,\"reason\":\"courier delay\"}")
                .example("POST /api/pt/rounds/{id}/status", "{\"status\":\"OPEN\",\"password\":\"" + PASSWORD + "\"}")
                .example("POST /api/pt/score", """
                        {"results":[{"lab":"A","value":1},{"lab":"B","value":1.2,"u":0.1}],
                         "assignedValue":{"method":"reference","value":1,"u":0},"sigmaPt":{"value":1}}""")
                .example("POST /api/uncertainty/evaluate", """
                        {"coverageProbability":0.95,"value":10,"components":[
                         {"name":"ref","type":"B","distribution":"normal","expandedUncertainty":0.2,"coverageFactor":2},
                         {"name":"res","type":"B","distribution":"rectangular","halfWidth":0.05}]}""")
                .example("PUT /api/schedule/procedures/{code}/interval", "{\"intervalMonths\":6}")
                .example("POST /api/procedures", procedureBody.formatted("2", type))
                .example("PUT /api/procedures/{id}", "{\"version\":1,\"procedure\":" + procedureBody.formatted("1", type)
                        + "}")
                .example("POST /api/procedures/{id}/retire", "{\"version\":1,\"reason\":\"replaced\"}")
                .example("PUT /api/schedule/standards/{id}/interval", "{\"intervalMonths\":6}")
                .example("PUT /api/schedule/labs/{id}/capacities/{disciplineId}", "{\"weeklyCapacity\":5}")
                .example("POST /api/instrument-types/{id}/interval-decisions",
                        "{\"decision\":\"REJECTED\",\"reason\":\"too few results\"}");
    }

    private static void step(String user, long id, String step, int version) throws Exception {
        HttpResponse<String> r = send(user, "POST", "/api/calibrations/" + id + "/" + step, "application/json",
                ("{\"version\":" + version + (step.equals("approve") ? ",\"password\":\"" + PASSWORD + "\"" : "")
                        + "}").getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static long id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asLong();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** Fixes the seed on CI (random otherwise, or {@code lims.fuzz.seed}), and takes {@code lims.fuzz.tries}. */
    static class SeedAndTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String seed = System.getProperty("lims.fuzz.seed",
                    "true".equalsIgnoreCase(System.getenv("CI")) ? CI_SEED : "");
            if (!seed.isBlank()) {
                context.attributes().setSeed(seed);
            }
            Integer tries = Integer.getInteger("lims.fuzz.tries");
            if (tries != null) {
                context.attributes().setTries(tries);
            }
            return property.execute();
        }
    }

    /** The server's last logged error with its exception: the cause of a 5xx, for the census. */
    static final class ServerErrorLog extends AppenderBase<ILoggingEvent> {
        private final AtomicReference<ILoggingEvent> last = new AtomicReference<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getThrowableProxy() != null) {
                last.set(event);
            }
        }

        void clear() {
            last.set(null);
        }

        /** The innermost exception's class and message, and the first MetroLIMS frame of the whole chain. */
        String cause() {
            ILoggingEvent event = last.get();
            if (event == null) {
                return "(nothing logged)";
            }
            IThrowableProxy t = event.getThrowableProxy();
            String frame = null;
            while (true) {
                if (frame == null) {
                    for (StackTraceElementProxy e : t.getStackTraceElementProxyArray()) {
                        if (e.getStackTraceElement().getClassName().startsWith("org.metrolims")) {
                            frame = e.getStackTraceElement().toString();
                            break;
                        }
                    }
                }
                if (t.getCause() == null) {
                    break;
                }
                t = t.getCause();
            }
            String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ");
            message = message.replaceAll("\\d+", "N");
            return t.getClassName() + ": " + (message.length() > 120 ? message.substring(0, 120) : message)
                    + (frame == null ? "" : " at " + frame.replaceAll(":\\d+\\)", ")"));
        }
    }
}
