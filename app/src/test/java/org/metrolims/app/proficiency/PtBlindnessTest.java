package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * PT is blind: before a round is REPORTED a lab never reads its assigned (reference) value, u(x_pt), sigma_pt, the
 * robust statistics x* and s*, any score, or another lab's result, in any response (lists, detail, history, pages,
 * documents, zips, errors); once it is REPORTED a lab that took part reads what the final report prints, other labs
 * by code only; a lab that did not take part (applied and rejected, or never applied) never reads any of it. An
 * officer still reads everything.
 *
 * <p>One scenario (built once, on the shared schema) holds a round in each state, each with its own numbers so that
 * a number can only come from the round it belongs to: lab A (T-LAB-A) takes part in every round, two labs without
 * accounts (T-PTB-C, T-PTB-D) in all but the open one, lab B (T-LAB-B) applied and was rejected in the closed,
 * scored and reported rounds, is in no way part of the dispatched one, and merely sees the open one. Secrets are
 * looked for both by their field names and by their numbers as text (in full and to four significant digits, not
 * preceded by a digit), in the JSON, in the HTML and the model the page is rendered from, and in the text of every
 * PDF, zipped or not.
 */
@AppTest
class PtBlindnessTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    static final RequestPostProcessor OFFICER = PtApiFixture.OFFICER;

    /** The scenario's rounds by state; built by the first test. */
    private static Map<String, Case> scenario;

    /** Field names of the round's statistics, as JSON keys. */
    static final List<String> STATISTICS_FIELDS = List.of("assignedValue", "assignedValueUncertainty", "sigmaPt",
            "robustMean", "robustSd", "referenceValue", "referenceUncertainty", "summary", "iterations");

    /** Field names that a lab never reads, in any state (the domain round's and score's internals). */
    static final List<String> NEVER_FIELDS = List.of("referenceValue", "referenceUncertainty", "summary",
            "iterations", "scoredBy", "organizationId", "organizationNameZh", "organizationNameEn");

    /** What a round is made of. */
    record Spec(String state, double x, double u, double sigma, double a, double c, double d, double uC, double uD,
            boolean rejectB) {
    }

    /** A round of the scenario: its id, the lab codes, and every number a lab must not read before it is REPORTED. */
    record Case(Spec spec, long id, String code, Map<String, String> labCodes, Map<String, Double> secrets) {

        /** The secret numbers other than lab A's own result and uncertainty. */
        Map<String, Double> secretsFor(String lab) {
            Map<String, Double> s = new LinkedHashMap<>(secrets);
            s.keySet().removeIf(k -> k.startsWith(lab + "."));
            return s;
        }
    }

    @BeforeEach
    void scenario() throws Exception {
        new PtApiFixture(mvc, dsl, encoder);
        synchronized (PtBlindnessTest.class) {
            if (scenario == null) {
                scenario = build();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- the generic walk

    @Test
    void noLabReachableGetUnderThePtApiOrPagesShowsASecretOfARoundNotPublishedToIt() throws Exception {
        List<String> leaks = new ArrayList<>();
        int answered = 0;
        for (String lab : List.of("A", "B")) {
            Map<String, Pattern> forbidden = forbidden(lab);
            for (String path : labReachablePaths(lab)) {
                Fetched f = fetch(path, lab);
                answered += f.status() == 200 ? 1 : 0;
                leaks.addAll(leaks(lab + " GET " + path + " (" + f.status() + ")", f.text(), forbidden));
            }
        }
        assertThat(leaks).as("secrets that a lab read").isEmpty();
        // the walk read real data: lab A's own result, and the published round's x_pt in the lab's model
        assertThat(answered).as("answers 200").isGreaterThan(20);
        String own = fetch("/api/pt/rounds/" + scenario.get("DISPATCHED").id() + "/results", "A").text();
        assertThat(own).contains("5.845");
        assertThat(fetch("/api/pt/rounds/" + scenario.get("REPORTED").id(), "A").text()).contains("3.64721");
    }

    @Test
    void anOfficerStillReadsEverySecretOfEveryRound() throws Exception {
        String schemes = fetchAs(get("/api/pt/schemes"), OFFICER).text();
        for (Case c : scenario.values()) {
            String round = fetchAs(get("/api/pt/rounds/{id}", c.id()), OFFICER).text();
            String results = fetchAs(get("/api/pt/rounds/{id}/results", c.id()), OFFICER).text();
            String scores = fetchAs(get("/api/pt/rounds/{id}/scores", c.id()), OFFICER).text();
            String all = round + results + scores + schemes;
            for (var s : c.secrets().entrySet()) {
                assertThat(matches(pattern(s.getValue()), all)).as(c.spec().state() + " " + s.getKey()).isTrue();
            }
            assertThat(round).contains("\"referenceValue\"", "\"referenceUncertainty\"");
            if (c.spec().state().equals("SCORED") || c.spec().state().equals("REPORTED")) {
                assertThat(round).contains("\"assignedValue\"", "\"sigmaPt\"", "\"robustMean\"", "\"robustSd\"");
                assertThat(scores).contains("T-PTB-C", "T-PTB-D", "T-LAB-A");
            }
        }
        assertThat(fetchAs(get("/api/pt/schemes"), OFFICER).text()).contains("\"sigmaPt\":0.04713");
    }

    // ------------------------------------------------------------------------------------------- endpoint by endpoint

    @Test
    void theRoundListShowsALabNoReferenceValueOrStatisticsUntilPublishedToIt() throws Exception {
        String asA = fetch("/api/pt/rounds", "A").text();
        String asB = fetch("/api/pt/rounds", "B").text();
        for (Case c : scenario.values()) {
            String a = entry(asA, c.id());
            assertThat(a).as("lab A sees round " + c.spec().state()).isNotNull();
            if (c.spec().state().equals("REPORTED")) {
                assertThat((Double) JsonPath.read(a, "$.published.assignedValue")).isEqualTo(c.spec().x());
                assertThat((Double) JsonPath.read(a, "$.published.sigmaPt")).isEqualTo(c.spec().sigma());
                assertThat(a).contains("\"robustMean\"", "\"robustSd\"", "\"assignedValueUncertainty\"");
            } else {
                assertNoStatistics("list as A, " + c.spec().state(), a, c.secretsFor("A"));
            }
            String b = entry(asB, c.id());
            if (c.spec().state().equals("DISPATCHED")) {
                assertThat(b).as("lab B never applied to the dispatched round").isNull();
            } else {
                assertThat(b).as("lab B sees round " + c.spec().state()).isNotNull();
                assertNoStatistics("list as B, " + c.spec().state(), b, c.secretsFor("B"));
            }
        }
    }

    @Test
    void theRoundShowsALabNoReferenceValueOrStatisticsUntilPublishedToIt() throws Exception {
        for (Case c : scenario.values()) {
            Fetched a = fetch("/api/pt/rounds/" + c.id(), "A");
            assertThat(a.status()).isEqualTo(200);
            if (c.spec().state().equals("REPORTED")) {
                assertThat((Double) JsonPath.read(a.text(), "$.published.assignedValue")).isEqualTo(c.spec().x());
                assertThat((Double) JsonPath.read(a.text(), "$.published.assignedValueUncertainty"))
                        .isEqualTo(c.spec().u());
                assertThat(a.text()).doesNotContain("\"referenceValue\"", "\"summary\"");
            } else {
                assertNoStatistics("detail as A, " + c.spec().state(), a.text(), c.secretsFor("A"));
            }
            Fetched b = fetch("/api/pt/rounds/" + c.id(), "B");
            assertThat(b.status()).isEqualTo(c.spec().state().equals("DISPATCHED") ? 404 : 200);
            assertNoStatistics("detail as B, " + c.spec().state(), b.text(), c.secretsFor("B"));
        }
    }

    @Test
    void aLabThatDidNotTakePartReadsNoScoresOfAReportedRound() throws Exception {
        Case reported = scenario.get("REPORTED");
        Fetched b = fetch("/api/pt/rounds/" + reported.id() + "/scores", "B");
        assertThat(b.status()).isEqualTo(404);
        assertNoStatistics("scores as B", b.text(), reported.secretsFor("B"));
        Fetched a = fetch("/api/pt/rounds/" + reported.id() + "/scores", "A");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.text()).contains(reported.labCodes().get("C"), reported.labCodes().get("D"))
                .doesNotContain("T-PTB-C", "T-PTB-D", "organization");
    }

    @Test
    void scoresAreRefusedToEveryLabBeforeTheReportWithoutAValueInTheProblem() throws Exception {
        for (String state : List.of("OPEN", "DISPATCHED", "CLOSED", "SCORED")) {
            Case c = scenario.get(state);
            for (String lab : List.of("A", "B")) {
                Fetched f = fetch("/api/pt/rounds/" + c.id() + "/scores", lab);
                assertThat(f.status()).as(lab + " " + state).isIn(404, 409);
                assertNoStatistics("scores as " + lab + ", " + state, f.text(), c.secretsFor(lab));
            }
        }
    }

    @Test
    void theSchemesShowALabNoFixedSigmaPt() throws Exception {
        String asA = fetch("/api/pt/schemes", "A").text();
        assertThat(asA).contains("\"sigmaPtMethod\":\"FIXED\"").doesNotContain("\"sigmaPt\"");
        for (Case c : scenario.values()) {
            assertThat(matches(pattern(c.spec().sigma()), asA)).as("sigma_pt of " + c.spec().state()).isFalse();
        }
    }

    @Test
    void theLabsHistoryHoldsOnlyItsOwnPublishedScoresInItsOwnModel() throws Exception {
        String history = fetch("/api/pt/my/history", "A").text();
        assertThat(history).contains("\"roundId\":" + scenario.get("REPORTED").id())
                .doesNotContain("\"roundId\":" + scenario.get("SCORED").id());
        for (String field : NEVER_FIELDS) {
            assertThat(history).as(field).doesNotContain("\"" + field + "\"");
        }
        assertThat(leaks("history", history, forbidden("A"))).isEmpty();
    }

    @Test
    void theLabsPageAndTheModelItIsRenderedFromHoldNoSecret() throws Exception {
        for (String lab : List.of("A", "B")) {
            Fetched page = fetch("/pt/my", lab);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains(scenario.get("SCORED").code());
            assertThat(leaks("/pt/my as " + lab, page.text(), forbidden(lab))).isEmpty();
        }
    }

    @Test
    void documentsOfARoundNotPublishedAreRefusedToLabsWithoutAValue() throws Exception {
        for (String state : List.of("OPEN", "DISPATCHED", "CLOSED", "SCORED")) {
            Case c = scenario.get(state);
            for (String path : List.of("/api/pt/rounds/%d/report.pdf", "/api/pt/my/rounds/%d/letter.pdf",
                    "/pt/my/rounds/%d/report.pdf", "/pt/my/rounds/%d/letter.pdf",
                    "/api/pt/rounds/%d/letters/" + c.labCodes().get("A") + ".pdf")) {
                for (String lab : List.of("A", "B")) {
                    Fetched f = fetch(path.formatted(c.id()), lab);
                    assertThat(f.status()).as(lab + " " + path + " " + state).isIn(403, 404, 409);
                    assertThat(leaks(lab + " " + path, f.text(), forbidden(lab))).isEmpty();
                }
            }
        }
        Fetched zip = fetch("/api/pt/my/letters.zip", "A");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.text()).contains("pt-letter-" + scenario.get("REPORTED").code() + "-");
        for (String state : List.of("CLOSED", "SCORED")) {
            assertThat(zip.text()).doesNotContain("pt-letter-" + scenario.get(state).code() + "-");
        }
        assertThat(leaks("letters.zip as A", zip.text(), forbidden("A"))).isEmpty();
        Fetched report = fetch("/api/pt/rounds/" + scenario.get("REPORTED").id() + "/report.pdf", "B");
        assertThat(report.status()).isEqualTo(404);
    }

    @Test
    void refusedSubmissionsAndApplicationsNameNoValue() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String state : List.of("CLOSED", "SCORED", "REPORTED")) {
            Case c = scenario.get(state);
            for (String lab : List.of("A", "B")) {
                String who = lab + " " + state;
                Fetched submit = fetchAs(post("/api/pt/rounds/{id}/results", c.id())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":1.5}"), labApi(lab));
                assertThat(submit.status()).as("submit " + who).isIn(404, 409);
                leaks.addAll(leaks("submit " + who, submit.text(), forbidden(lab)));
                Fetched apply = fetchAs(post("/api/pt/rounds/{id}/enrolments", c.id()), labApi(lab));
                assertThat(apply.status()).as("apply " + who).isIn(404, 409);
                leaks.addAll(leaks("apply " + who, apply.text(), forbidden(lab)));
                MvcResult form = mvc.perform(post("/pt/my/rounds/{id}/results", c.id()).with(labPage(lab))
                        .with(csrf()).param("value", "1.5")).andReturn();
                leaks.addAll(leaks("form " + who, String.valueOf(form.getFlashMap()), forbidden(lab)));
            }
        }
        assertThat(leaks).isEmpty();
    }

    // --------------------------------------------------------------------------------------------------- the checks

    private static void assertNoStatistics(String what, String json, Map<String, Double> secrets) {
        for (String field : STATISTICS_FIELDS) {
            assertThat(json).as(what + ": field " + field).doesNotContain("\"" + field + "\"");
        }
        for (var s : secrets.entrySet()) {
            assertThat(matches(pattern(s.getValue()), json)).as(what + ": " + s.getKey() + " " + s.getValue())
                    .isFalse();
        }
    }

    /** The patterns a lab must never match: secrets of every round not published to it, names of other labs. */
    private static Map<String, Pattern> forbidden(String lab) {
        Map<String, Pattern> forbidden = new LinkedHashMap<>();
        for (Case c : scenario.values()) {
            boolean published = lab.equals("A") && c.spec().state().equals("REPORTED");
            if (!published) {
                c.secretsFor(lab).forEach((k, v) -> forbidden.put(c.spec().state() + " " + k + " " + v, pattern(v)));
            }
        }
        for (String name : List.of("T-PTB-C", "T-PTB-D", "Blind lab C", "Blind lab D", "盲样实验室",
                lab.equals("A") ? "T-LAB-B" : "T-LAB-A")) {
            forbidden.put("name " + name, Pattern.compile(Pattern.quote(name)));
        }
        for (String field : NEVER_FIELDS) {
            forbidden.put("field " + field, Pattern.compile("\"" + field + "\"|\\b" + field + "="));
        }
        return forbidden;
    }

    private static List<String> leaks(String where, String text, Map<String, Pattern> forbidden) {
        List<String> leaks = new ArrayList<>();
        forbidden.forEach((what, p) -> {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60);
                leaks.add(where + ": " + what + " in …" + text.substring(from, Math.min(text.length(), m.end() + 40))
                        .replace('\n', ' ') + "…");
            }
        });
        return leaks;
    }

    /**
     * The number in full and to six, five and four significant digits, perhaps followed by zeros, neither preceded
     * nor followed by another digit (so that 0.5568 does not match 0.556875).
     */
    static Pattern pattern(double v) {
        List<String> forms = new ArrayList<>(List.of(Double.toString(Math.abs(v))));
        for (int digits : new int[] {6, 5, 4}) {
            forms.add(new BigDecimal(Math.abs(v)).round(new MathContext(digits)).stripTrailingZeros().toPlainString());
        }
        return Pattern.compile("(?<![0-9.])(" + String.join("|", forms.stream().map(Pattern::quote).toList())
                + ")0*(?![0-9])");
    }

    private static boolean matches(Pattern p, String text) {
        return p.matcher(text).find();
    }

    /** The JSON object of the round with this id in a list, or null. */
    private static String entry(String list, long id) {
        List<Map<String, Object>> found = JsonPath.read(list, "$[?(@.id == " + id + ")]");
        return found.isEmpty() ? null : net.minidev.json.JSONValue.toJSONString(found.getFirst());
    }

    // ------------------------------------------------------------------------------------------------- the requests

    /** Every GET the application maps under /api/pt and /pt, with each scenario value for its path variables. */
    private List<String> labReachablePaths(String lab) throws Exception {
        TreeSet<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equals("GET"))) {
                continue;
            }
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/pt/") || p.startsWith("/pt/"))
                    .forEach(patterns::add);
        }
        assertThat(patterns).contains("/api/pt/rounds", "/api/pt/rounds/{id}", "/pt/my");
        long ownOrg = organization(lab.equals("A") ? "T-LAB-A" : "T-LAB-B");
        long otherOrg = organization("T-PTB-C");
        List<String> paths = new ArrayList<>();
        for (String p : patterns) {
            if (!p.contains("{")) {
                paths.add(p);
                continue;
            }
            for (Case c : scenario.values()) {
                for (String code : c.labCodes().values()) {
                    for (long org : List.of(ownOrg, otherOrg)) {
                        String path = p.replace("{id}", Long.toString(c.id())).replace("{labCode}", code)
                                .replace("{organizationId}", Long.toString(org));
                        assertThat(path).as("a path variable the walk does not know: add it").doesNotContain("{");
                        if (!paths.contains(path)) {
                            paths.add(path);
                        }
                    }
                }
            }
        }
        return paths;
    }

    record Fetched(int status, String text) {
    }

    private Fetched fetch(String path, String lab) throws Exception {
        return fetchAs(get(path), path.startsWith("/api/") ? labApi(lab) : labPage(lab));
    }

    private RequestPostProcessor labApi(String lab) {
        return httpBasic(lab.equals("A") ? "test-lab-a" : "test-lab-b", TestAccounts.PASSWORD);
    }

    private RequestPostProcessor labPage(String lab) {
        return user(users.loadUserByUsername(lab.equals("A") ? "test-lab-a" : "test-lab-b"));
    }

    /**
     * The answer as text: the body (a PDF's text; a zip's entry names and their PDFs' text), and for a page the
     * model it was rendered from, as the records print themselves.
     */
    private Fetched fetchAs(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(request.with(who)).andReturn();
        MockHttpServletResponse response = result.getResponse();
        String type = String.valueOf(response.getContentType());
        StringBuilder text = new StringBuilder();
        if (type.startsWith("application/pdf")) {
            text.append(pdfText(response.getContentAsByteArray()));
        } else if (type.startsWith("application/zip")) {
            try (var zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    text.append(e.getName()).append('\n').append(pdfText(zip.readAllBytes())).append('\n');
                }
            }
        } else {
            text.append(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        if (result.getModelAndView() != null) {
            text.append('\n').append(result.getModelAndView().getModel());
        }
        return new Fetched(response.getStatus(), text.toString());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    // --------------------------------------------------------------------------------------------------- the scenario

    private Map<String, Case> build() throws Exception {
        labWithoutAccount("T-PTB-C", "Blind lab C");
        labWithoutAccount("T-PTB-D", "Blind lab D");
        List<Spec> specs = List.of(
                new Spec("OPEN", 7.31946, 0.00287, 0.04713, 0, 0, 0, 0, 0, false),
                new Spec("DISPATCHED", 5.82317, 0.00419, 0.03361, 5.845, 0, 0, 0, 0, false),
                new Spec("CLOSED", 2.93857, 0.00317, 0.01853, 2.9517, 2.9214, 2.9601, 0.00443, 0.00571, true),
                new Spec("SCORED", 4.26583, 0.00358, 0.02947, 4.2811, 4.2493, 4.2937, 0.00452, 0.00583, true),
                new Spec("REPORTED", 3.64721, 0.00263, 0.02189, 3.6594, 3.6318, 3.6712, 0.00467, 0.00596, true));
        Map<String, Case> cases = new LinkedHashMap<>();
        for (Spec s : specs) {
            cases.put(s.state(), round(s));
        }
        return cases;
    }

    private Case round(Spec s) throws Exception {
        long scheme = created(post("/api/pt/schemes").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","nameZh":"盲样","nameEn":"Blind","disciplineCode":"PT-TEST","measurandZh":"长度",
                 "measurandEn":"length","unit":"mm","providerCode":"T-INST","assignedValueMethod":"REFERENCE_VALUE",
                 "sigmaPtMethod":"FIXED","sigmaPt":%s,"scoreType":"Z"}""".formatted(PtApiFixture.unique("SB"),
                s.sigma())));
        boolean dispatchedOnly = s.state().equals("DISPATCHED");
        String body = mvc.perform(post("/api/pt/rounds").with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"schemeId":%d,"code":"%s","schedule":%s,"referenceValue":%s,"referenceUncertainty":%s}
                                """.formatted(scheme, PtApiFixture.unique("RB"),
                                dispatchedOnly ? PtApiFixture.FUTURE : PtApiFixture.PAST, s.x(), s.u())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String code = JsonPath.read(body, "$.code");
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        pt.move(id, "OPEN");
        Map<String, String> codes = new LinkedHashMap<>();
        if (s.rejectB()) {
            String applied = mvc.perform(post("/api/pt/rounds/{id}/enrolments", id).with(labApi("B")))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            codes.put("B", JsonPath.read(applied, "$.labCode"));
            mvc.perform(post("/api/pt/rounds/{id}/enrolments/{code}/decision", id, codes.get("B")).with(OFFICER)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECTED\",\"reason\":\"x\"}"))
                    .andExpect(status().isOk());
        }
        codes.put("A", pt.enrol(id, "T-LAB-A")[0]);
        Map<String, Double> secrets = new LinkedHashMap<>();
        secrets.put("referenceValue", s.x());
        secrets.put("referenceUncertainty", s.u());
        secrets.put("sigmaPt", s.sigma());
        if (!s.state().equals("OPEN")) {
            String[] others = pt.enrol(id, "T-PTB-C", "T-PTB-D");
            codes.put("C", others[0]);
            codes.put("D", others[1]);
            pt.move(id, "DISPATCHED");
        }
        if (dispatchedOnly) {
            mvc.perform(post("/api/pt/rounds/{id}/results", id).with(labApi("A"))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + s.a() + "}"))
                    .andExpect(status().isCreated());
        }
        if (s.state().equals("CLOSED") || s.state().equals("SCORED") || s.state().equals("REPORTED")) {
            double[][] results = {{s.a(), 0.0061}, {s.c(), s.uC()}, {s.d(), s.uD()}};
            String[] labs = {"A", "C", "D"};
            for (int i = 0; i < 3; i++) {
                mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", id, codes.get(labs[i])).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":%s,\"standardUncertainty\":%s,"
                                .formatted(results[i][0], results[i][1]) + "\"reason\":\"posted late\"}"))
                        .andExpect(status().isCreated());
                if (!labs[i].equals("A")) {
                    secrets.put(labs[i] + ".value", results[i][0]);
                    secrets.put(labs[i] + ".u", results[i][1]);
                }
            }
            pt.move(id, "CLOSED");
        }
        if (s.state().equals("SCORED") || s.state().equals("REPORTED")) {
            String scored = mvc.perform(post("/api/pt/rounds/{id}/scoring", id).with(OFFICER))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            for (String k : List.of("assignedValue", "assignedValueUncertainty", "sigmaPt", "robustMean",
                    "robustSd")) {
                secrets.put("x." + k, ((Number) JsonPath.read(scored, "$.round.summary." + k)).doubleValue());
            }
            List<Map<String, Object>> scores = JsonPath.read(scored, "$.scores");
            for (Map<String, Object> score : scores) {
                String lab = codes.entrySet().stream().filter(e -> e.getValue().equals(score.get("labCode")))
                        .findFirst().orElseThrow().getKey();
                for (String k : List.of("z", "zPrime", "zeta", "en")) {
                    if (score.get(k) instanceof Number n) {
                        // the lab's own scores are as secret as x_pt before the report: x_pt follows from them
                        secrets.put("score " + lab + "." + k, n.doubleValue());
                    }
                }
            }
        }
        if (s.state().equals("REPORTED")) {
            pt.move(id, "REPORTED");
        }
        return new Case(s, id, code, codes, secrets);
    }

    /** An accredited lab for PT-TEST with no account, so that no test signs in as it. */
    private void labWithoutAccount(String code, String nameEn) {
        if (dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(code))) {
            return;
        }
        long region = dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-A"))
                .fetchSingle().value1();
        long org = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, "盲样实验室 " + code)
                .set(ORGANIZATION.NAME_EN, nameEn).set(ORGANIZATION.KIND, "ACCREDITED_LAB")
                .set(ORGANIZATION.REGION_ID, region).set(ORGANIZATION.ACCREDITATION_NUMBER, "CNAS " + code)
                .returningResult(ORGANIZATION.ID).fetchSingle().value1();
        long discipline = dsl.select(DISCIPLINE.ID).from(DISCIPLINE).where(DISCIPLINE.CODE.eq("PT-TEST")).fetchSingle()
                .value1();
        dsl.insertInto(ORGANIZATION_SCOPE).set(ORGANIZATION_SCOPE.ORGANIZATION_ID, org)
                .set(ORGANIZATION_SCOPE.DISCIPLINE_ID, discipline).execute();
    }

    private long organization(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchSingle().value1();
    }

    private long created(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
