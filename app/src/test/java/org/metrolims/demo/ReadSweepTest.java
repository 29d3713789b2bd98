package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole-API read sweep: every GET operation of the OpenAPI document and every page the application maps, asked
 * by each kind of user of the demo province (technician, officer, lab, administrator, and a technician of another
 * institute), with path ids sampled from the demo — the user's own records, other organizations', old ones
 * (superseded certificates, the oldest calibrations, external NMI calibrations without a performing lab), drafts and
 * submissions, a superseded and a withdrawn record made through the API first — and ids that do not exist, that overflow a {@code long}, or are not numbers. Nothing may answer 5xx.
 *
 * <p>The operations and routes are enumerated from {@code /v3/api-docs} and the handler mappings, so a new endpoint is
 * swept without touching this test. Path variables are sampled by what they name: the variable's name, else the
 * path segment before it ({@code /calibrations/{id}} → calibrations); an unknown one gets generic ids. Paging is left
 * at its defaults (bad paging is another test's subject). Same properties as the other small-demo tests, so Spring
 * reuses their application context and the demo is loaded once.
 */
@SpringBootTest(classes = MetroLimsApplication.class, properties = {
        "lims.demo.enabled=true", "lims.demo.scale=0.02"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSweepTest {

    /** Ids no organization has, that overflow, and that are no ids at all: always a 4xx. */
    static final List<String> BAD_IDS = List.of("999999999", "9223372036854775807", "99999999999999999999", "abc");

    static final List<String> USERS = List.of("tech", "officer", "lab1", "admin");

    @Autowired WebApplicationContext context;
    @Autowired DSLContext dsl;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    MockMvc mvc;
    /** kind of object → sampled values (as they appear in a path). */
    final Map<String, List<String>> samples = new LinkedHashMap<>();
    final List<String> usernames = new ArrayList<>(USERS);

    @BeforeAll
    void sampleTheDemo() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        long tech = orgOf("tech");
        long lab1 = orgOf("lab1");
        long lab2 = orgOf("lab2");
        // a technician of another institute: the first tech-<code> outside the provincial institute
        usernames.add(dsl.fetchValue("select u.username from app_user u where u.username like 'tech-%'"
                + " and u.organization_id <> ? order by u.username limit 1", tech).toString());
        long other = orgOf(usernames.getLast());
        olderRecords(tech);
        samples.put("calibrations", values(
                // the institute's own: oldest, newest, a draft, a submission
                "select min(id) from calibration where performing_organization_id = ?", tech,
                "select max(id) from calibration where performing_organization_id = ?", tech,
                "select min(id) from calibration where performing_organization_id = ? and status = 'DRAFT'", tech,
                "select min(id) from calibration where performing_organization_id = ? and status = 'SUBMITTED'", tech,
                // the other institute's, the labs' own (as customers), an external NMI calibration (no performer)
                "select max(id) from calibration where performing_organization_id = ?", other,
                "select max(id) from calibration where customer_organization_id = ?", lab1,
                "select min(id) from calibration where customer_organization_id = ?", lab2,
                "select min(id) from calibration where performing_organization_id is null", null,
                // one whose certificate was amended, the superseded, withdrawn and correcting records
                "select calibration_id from certificate where revision = 2 limit 1", null,
                "select min(id) from calibration where status = 'SUPERSEDED'", null,
                "select min(id) from calibration where status = 'WITHDRAWN'", null,
                "select max(id) from calibration where revision = 2", null));
        samples.put("instruments", values(
                "select min(id) from instrument where owner_organization_id = ?", tech,
                "select max(id) from instrument where owner_organization_id = ?", lab1,
                "select max(id) from instrument where owner_organization_id = ?", lab2,
                "select max(id) from instrument where owner_organization_id = ?", other,
                "select min(id) from instrument where status = 'RETIRED'", null));
        samples.put("standards", values(
                "select min(id) from measurement_standard where owner_organization_id = ?", tech,
                "select max(id) from measurement_standard where owner_organization_id = ?", other,
                "select min(id) from measurement_standard where status <> 'ACTIVE'", null,
                "select max(id) from measurement_standard", null));
        samples.put("rounds", all("select id from pt_round order by id"));
        samples.put("schemes", all("select id from pt_scheme order by id"));
        samples.put("labCode", all("select distinct lab_code from pt_enrolment where organization_id in (?, ?)"
                + " order by lab_code limit 4", lab1, lab2));
        samples.put("organizations", List.of(Long.toString(tech), Long.toString(lab1), Long.toString(lab2),
                Long.toString(other), String.valueOf(dsl.fetchValue("select min(id) from organization"))));
        samples.put("users", all("select id from app_user where username in ('tech', 'lab1', 'admin') order by id"));
        samples.put("instrument-types", values(
                "select min(id) from instrument_type", null, "select max(id) from instrument_type", null));
        samples.put("disciplines", all("select id from discipline order by id limit 3"));
        samples.put("certificates", all("(select certificate_no from certificate where customer_organization_id = ?"
                + " order by id limit 1) union (select certificate_no from certificate where customer_organization_id"
                + " = ? order by id limit 1) union (select certificate_no from certificate where revision = 2)"
                + " union (select certificate_no from certificate where issuer_organization_id = ? order by id"
                + " limit 1)", lab1, lab2, other));
        samples.put("batches", all("select id from certificate_batch order by id limit 2"));
        samples.put("procedures", all("select distinct procedure_code from calibration order by 1 limit 2"));
        samples.put("regions", all("(select code from region order by id limit 1) union"
                + " (select code from region order by id desc limit 1)"));
        samples.put("generic", List.of("1", "2"));
        System.out.println("Read sweep samples: " + samples + ", users " + usernames);
    }

    @Test
    void noGetOfTheApiOrOfAPageAnswers5xxForAnyUserOrId() throws Exception {
        Set<String> routes = new TreeSet<>(apiGets());
        routes.addAll(mappedGets());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        int requests = 0;
        for (String route : routes) {
            long started = System.nanoTime();
            for (String path : paths(route)) {
                for (String username : usernames) {
                    requests++;
                    Answer answer = ask(path, username);
                    byStatus.merge(answer.status() / 100 * 100, 1, Integer::sum);
                    if (answer.failure() != null) {
                        failures.add("GET " + path + " as " + username + " (" + route + "): " + answer.failure());
                    }
                }
            }
            millis.put(route, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("Read sweep: %d routes, %d requests, by status class %s, %d answered 5xx%n", routes.size(),
                requests, byStatus, failures.size());
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %6d ms  %s%n", e.getValue(), e.getKey()));
        failures.forEach(f -> System.out.println("  5xx: " + f));
        assertThat(routes).as("the OpenAPI document lists the calibration record").contains("/api/calibrations/{id}");
        // the samples are real: a good part of the answers are the records themselves, not refusals
        assertThat(byStatus.getOrDefault(200, 0)).isGreaterThan(requests / 5);
        assertThat(failures).as("%d of %d requests answered 5xx", failures.size(), requests).isEmpty();
    }

    /**
     * The demo has no corrected or withdrawn calibration: the institute's technician corrects one of its approved
     * records (a revision approved by the reviewer supersedes it) and withdraws one of its drafts, through the API.
     */
    private void olderRecords(long institute) throws Exception {
        long tech = ((Number) dsl.fetchValue("select id from app_user where username = 'tech'")).longValue();
        Object draft = dsl.fetchValue("select min(id) from calibration where technician_id = ? and status = 'DRAFT'",
                tech);
        if (draft != null) {
            JsonNode d = read(get("/api/calibrations/" + draft, "tech"));
            post("/api/calibrations/" + draft + "/withdraw", "tech",
                    Map.of("version", d.get("version").asInt(), "reason", "entered twice"));
        }
        Object approved = dsl.fetchValue("select min(c.id) from calibration c join measurement_point p on"
                + " p.calibration_id = c.id where c.technician_id = ? and c.performing_organization_id = ?"
                + " and c.status = 'APPROVED' and p.standard_deviation is not null", tech, institute);
        JsonNode c = read(get("/api/calibrations/" + approved, "tech"));
        List<Map<String, Object>> points = new ArrayList<>();
        for (JsonNode p : c.get("points")) {
            List<Map<String, Object>> components = new ArrayList<>();
            for (JsonNode b : p.get("components")) {
                if (b.get("type").asString().equals("B")) {
                    components.add(Map.of("name", b.get("name").asString(), "distribution", "normal",
                            "expandedUncertainty", b.get("expandedUncertainty").asDouble(),
                            "coverageFactor", b.get("coverageFactor").asDouble()));
                }
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("nominal", p.get("nominal").asDouble());
            point.put("unit", p.get("unit").asString());
            point.put("readings", JsonMapper.builder().build().treeToValue(p.get("readings"), List.class));
            if (!p.get("tolerance").isNull()) {
                point.put("tolerance", p.get("tolerance").asDouble());
                point.put("toleranceUnit", p.get("toleranceUnit").asString());
            }
            point.put("components", components);
            points.add(point);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        for (String field : List.of("instrumentId", "procedureCode", "receivedOn", "calibratedOn", "validUntil",
                "referenceStandardIds", "decisionRule", "decisionRuleMultiplier", "coverageProbability")) {
            content.put(field, JsonMapper.builder().build().treeToValue(c.get(field), Object.class));
        }
        content.put("points", points);
        JsonNode revision = read(post("/api/calibrations/" + approved + "/revisions", "tech", Map.of("version",
                c.get("version").asInt(), "reason", "transcription error in the customer's address", "calibration",
                content)));
        JsonNode submitted = read(post("/api/calibrations/" + revision.get("id").asLong() + "/submit", "tech",
                Map.of("version", revision.get("version").asInt())));
        read(post("/api/calibrations/" + submitted.get("id").asLong() + "/approve", "reviewer",
                Map.of("version", submitted.get("version").asInt(), "password", "demo2026")));
    }

    private MockHttpServletResponse get(String path, String username) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse post(String path, String username, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(httpBasic(username, "demo2026"))
                        .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build()
                                .writeValueAsString(body)))
                .andReturn().getResponse();
    }

    private static JsonNode read(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return JsonMapper.builder().build().readTree(response.getContentAsString());
    }

    /** Every GET path of the OpenAPI document, with its required query parameters filled in. */
    private List<String> apiGets() throws Exception {
        String json = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs").with(user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString();
        JsonNode paths = JsonMapper.builder().build().readTree(json).get("paths");
        List<String> gets = new ArrayList<>();
        for (var entry : paths.properties()) {
            JsonNode get = entry.getValue().get("get");
            if (get == null) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            JsonNode parameters = get.get("parameters");
            if (parameters != null) {
                for (JsonNode p : parameters) {
                    if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
                        query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asString()).append('=')
                                .append(queryValue(p.get("name").asString(), p.path("schema")));
                    }
                }
            }
            gets.add(entry.getKey() + query);
        }
        assertThat(gets).as("GET operations in the OpenAPI document").hasSizeGreaterThan(30);
        return gets;
    }

    /** Every GET route of the handler mappings outside the API (pages, downloads, the API document itself). */
    private List<String> mappedGets() {
        List<String> gets = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equals("GET"))) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    gets.add(pattern.replace("/**", "/no-such-path"));
                }
            }
        }
        return gets;
    }

    private String queryValue(String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        String type = schema.path("type").asString("");
        if (format.equals("date")) {
            return DemoFixtures.ANCHOR.toString();
        }
        if (type.equals("integer")) {
            String kind = kindOf(name, name);
            return samples.get(kind).getFirst();
        }
        return switch (name) {
            case "region" -> samples.get("regions").getFirst();
            case "within" -> "P30D";
            default -> "x";
        };
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** The route with every path variable replaced by each of its samples in turn (one variable varies at a time). */
    private List<String> paths(String route) {
        Matcher m = VARIABLE.matcher(route);
        List<int[]> spans = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        while (m.find()) {
            String before = route.substring(0, m.start());
            String segment = before.replaceAll("/$", "");
            segment = segment.substring(segment.lastIndexOf('/') + 1);
            List<String> v = new ArrayList<>(samples.get(kindOf(m.group(1), segment)));
            v.addAll(BAD_IDS);
            spans.add(new int[] {m.start(), m.end()});
            values.add(v);
        }
        if (spans.isEmpty()) {
            return List.of(route);
        }
        Set<String> paths = new LinkedHashSet<>();
        for (int varying = 0; varying < spans.size(); varying++) {
            for (String value : values.get(varying)) {
                StringBuilder path = new StringBuilder(route);
                for (int k = spans.size() - 1; k >= 0; k--) {
                    String v = k == varying ? value : values.get(k).getFirst();
                    path.replace(spans.get(k)[0], spans.get(k)[1], v);
                }
                paths.add(path.toString());
            }
        }
        return List.copyOf(paths);
    }

    /** What a path variable names: its own name where that says it, else the collection before it. */
    private String kindOf(String variable, String segment) {
        String kind = switch (variable) {
            case "labCode" -> "labCode";
            case "organizationId", "lab" -> "organizations";
            case "userId" -> "users";
            case "typeId" -> "instrument-types";
            case "disciplineId", "discipline" -> "disciplines";
            case "number" -> "certificates";
            case "code" -> "procedures";
            case "calibrationId" -> "calibrations";
            case "instrumentId" -> "instruments";
            case "standardId" -> "standards";
            case "roundId" -> "rounds";
            default -> switch (segment) {
                case "labs", "organizations" -> "organizations";
                case "accounts" -> "users";
                case "intervals" -> "instrument-types";
                case "my" -> "rounds";
                default -> segment;
            };
        };
        return samples.containsKey(kind) ? kind : "generic";
    }

    record Answer(int status, String failure) {
    }

    /** The status, and what went wrong when it is a 5xx (an exception out of the application counts as 500). */
    private Answer ask(String path, String username) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(path)
                .with(user(users.loadUserByUsername(username)));
        if (path.equals("/error")) {
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
        }
        try {
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            return new Answer(status, status >= 500 ? "answered " + status : null);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new Answer(500, "threw " + root);
        }
    }

    private long orgOf(String username) {
        return ((Number) dsl.fetchValue("select organization_id from app_user where username = ?", username))
                .longValue();
    }

    /** Pairs of (query, its one bind value or null): the single values they give, nulls and repeats left out. */
    private List<String> values(Object... queriesAndBinds) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < queriesAndBinds.length; i += 2) {
            Object bind = queriesAndBinds[i + 1];
            Object v = bind == null ? dsl.fetchValue((String) queriesAndBinds[i])
                    : dsl.fetchValue((String) queriesAndBinds[i], bind);
            if (v != null) {
                out.add(v.toString());
            }
        }
        return List.copyOf(out);
    }

    private List<String> all(String sql, Object... binds) {
        List<String> out = new ArrayList<>();
        dsl.fetch(sql, binds).forEach(r -> out.add(String.valueOf(r.get(0))));
        return out.isEmpty() ? List.of("1") : out;
    }
}
