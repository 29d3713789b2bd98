package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.proficiency.PtApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix: every endpoint and page the application maps, asked by every kind of user about an object
 * that belongs to lab A (T-LAB-A), against a declared expectation: reads ({@link #EXPECTED}, every GET) and writes
 * ({@link #WRITES}, every POST, PUT, PATCH and DELETE, which adds a technician of another organization). Letters of
 * the reads, in the order anonymous, TECHNICIAN, OFFICER, LAB of the object's organization, LAB of another
 * organization, ADMIN:
 * <ul>
 *   <li>{@code O} allowed (any answer that is not 401/403/404 or a redirect to the login page: a 400 for the
 *       empty body this test sends means the request got past access control),</li>
 *   <li>{@code D} denied (401/403, or for pages a redirect to the login page),</li>
 *   <li>{@code H} hidden: 404, as for an object one must not know exists.</li>
 * </ul>
 * A 5xx is never acceptable. An endpoint that is mapped but missing from {@link #EXPECTED} or {@link #WRITES} fails
 * the test: new endpoints join the matrix, or the build breaks.
 */
@AppTest
class AccessMatrixTest {

    enum Who { ANONYMOUS, TECHNICIAN, OFFICER, LAB_OWN, LAB_OTHER, ADMIN }

    private static final Map<Who, String> USERNAMES = Map.of(Who.TECHNICIAN, "test-tech", Who.OFFICER, "test-officer",
            Who.LAB_OWN, "test-lab-a", Who.LAB_OTHER, "test-lab-b", Who.ADMIN, "test-admin");

    /** Who asks the write matrix: the object's owner's technician and another organization's among them. */
    enum Writer { ANONYMOUS, TECH_OWN, TECH_OTHER, OFFICER, LAB_OWN, LAB_OTHER, ADMIN }

    private static final Map<Writer, String> WRITER_NAMES = Map.of(Writer.TECH_OWN, "test-tech",
            Writer.TECH_OTHER, TestAccounts.OTHER_TECHNICIAN, Writer.OFFICER, "test-officer", Writer.LAB_OWN,
            "test-lab-a", Writer.LAB_OTHER, "test-lab-b", Writer.ADMIN, "test-admin");

    /** "GET pattern" -> expected outcome per {@link Who}, in its order. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // @formatter:off
        // Objects belong to lab A (T-LAB-A); calibrations are performed by the technician's institute (T-INST),
        // standards belong to T-INST (so a lab, even "own", does not see them). POSTs carry an empty body or
        // form: an allowed role then gets 400, a refused one 401/403 before any parsing.
        e("GET /",                                             "DOOOOO");
        e("GET /accounts",                                     "DDDDDO");
        e("GET /organizations",                                "DDDDDO");
        e("GET /organizations/{id}",                           "DDDDDO");
        e("GET /api/accounts/{userId}/tokens",                 "DDDDDO");
        e("GET /portal",                                       "DDDOOD");
        e("GET /api/**",                                       "DHHHHH");
        e("GET /api/calibrations",                             "DOOOOO");
        e("GET /api/calibrations/review-queue",                "DODDDD");
        e("GET /api/calibrations/{id}",                        "DOOOHO");
        e("GET /api/calibrations/{id}/revisions",              "DOOOHO");
        e("GET /api/calibrations/{id}/signatures",             "DOOOHO");
        e("GET /api/disciplines",                              "DOOOOO");
        e("GET /api/instruments",                              "DOOOOO");
        e("GET /api/instruments/export.csv",                   "DOOOOO");
        e("GET /api/instruments/export.xlsx",                  "DOOOOO");
        e("GET /api/instruments/{id}",                         "DOOOHO");
        e("GET /api/organizations",                            "DOOOOO");
        e("GET /api/pt/labs/{organizationId}/history",         "DDODDD");
        e("GET /api/pt/my/history",                            "DDDOOD");
        e("GET /api/pt/rounds",                                "DDOOOD");
        e("GET /api/pt/rounds/{id}",                           "DDOOHD");
        e("GET /api/pt/rounds/{id}/enrolments",                "DDOOHD");
        e("GET /api/pt/rounds/{id}/items/verdicts",            "DDODDD");
        e("GET /api/pt/rounds/{id}/results",                   "DDOOHD");
        e("GET /api/pt/rounds/{id}/scores",                    "DDOOHD");
        e("GET /api/pt/schemes",                               "DDOOOD");
        e("GET /api/regions",                                  "DOOOOO");
        e("GET /api/standards",                                "DOOOOO");
        e("GET /api/standards/export.csv",                     "DOOOOO");
        e("GET /api/standards/export.xlsx",                    "DOOOOO");
        e("GET /api/standards/{id}",                           "DOOHHO");
        e("GET /api/standards/{id}/history",                   "DOOHHO");
        e("GET /api/version",                                  "DOOOOO");
        e("GET /calibrations",                                 "DOOOOO");
        e("GET /calibrations/export.{format}",                 "DOOOOO");
        e("GET /calibrations/new",                             "DODDDD");
        e("GET /calibrations/review",                          "DODDDD");
        e("GET /calibrations/{id}",                            "DOOOHO");
        // the certificate a record would produce, watermarked: the performing institute's people only
        e("GET /calibrations/{id}/certificate-preview.pdf",    "DOOHHO");
        e("GET /error",                                        "HHHHHH");
        // the instrument page: as the registry reads (another lab's instrument is not found); lookup in one's scope
        e("GET /instruments/lookup",                           "DOOOOO");
        e("GET /instruments/{id}",                             "DOOOHO");
        e("GET /login",                                        "OOOOOO");
        e("GET /my-work",                                      "DOOOOO");
        e("GET /pt/my",                                        "DDDOOD");
        e("GET /pt/rounds",                                    "DDODDD");
        e("GET /pt/rounds/{id}",                               "DDODDD");
        e("GET /registry/instruments",                         "DOOOOO");
        e("GET /registry/standards",                           "DOOOOO");
        e("GET /registry/standards/export.csv",                "DOOOOO");
        e("GET /registry/standards/export.xlsx",               "DOOOOO");
        e("GET /registry/standards/{id}",                      "DOOHHO");
        e("GET /swagger-ui.html",                              "DOOOOO");
        e("GET /v3/api-docs",                                  "DOOOOO");
        e("GET /v3/api-docs.yaml",                             "DOOOOO");
        e("GET /v3/api-docs/swagger-config",                   "DOOOOO");
        // PT documents: the round is not scored yet (officer 409), lab A is in it (report 409 until published,
        // its own letter 404 until published), lab B is not (404)
        e("GET /api/pt/rounds/{id}/report.pdf",                "DDOOHD");
        e("GET /api/pt/rounds/{id}/letters/{labCode}.pdf",     "DDOHHD");
        e("GET /api/pt/my/rounds/{id}/letter.pdf",             "DDDHHD");
        e("GET /api/pt/rounds/{id}/letters.zip",               "DDODDD");
        e("GET /api/pt/my/letters.zip",                        "DDDOOD");
        e("GET /pt/rounds/{id}/letters.zip",                   "DDODDD");
        e("GET /pt/my/letters.zip",                            "DDDOOD");
        e("GET /pt/rounds/{id}/report.pdf",                    "DDODDD");
        e("GET /pt/rounds/{id}/letters/{labCode}.pdf",         "DDODDD");
        e("GET /pt/my/rounds/{id}/report.pdf",                 "DDDOHD");
        e("GET /pt/my/rounds/{id}/letter.pdf",                 "DDDHHD");
        // calibration record steps with a reason, the form's instrument picker, the standard page's forms
        e("GET /calibrations/options/instruments",             "DODDDD");
        // the pickers' options: any signed-in user, each list scoped to what the user may see
        e("GET /options/instruments",                          "DOOOOO");
        e("GET /options/standards",                            "DOOOOO");
        e("GET /options/organizations",                        "DOOOOO");
        e("GET /options/regions",                              "DOOOOO");
        // procedure templates: the technicians of the template's institute (T-INST) alone; the picker likewise
        e("GET /options/procedures",                           "DODDDD");
        e("GET /api/procedures",                               "DODDDD");
        e("GET /api/procedures/{id}",                          "DODDDD");
        e("GET /api/procedures/{id}/versions/{versionNo}",     "DODDDD");
        e("GET /procedures",                                   "DODDDD");
        e("GET /procedures/new",                               "DODDDD");
        e("GET /procedures/{id}",                              "DODDDD");
        e("GET /procedures/{id}/edit",                         "DODDDD");
        // schedules: lists are scoped to the asker's organization for a lab; lab A's plan is hidden from lab B;
        // capacities are set by the performing lab's own technicians (lab A performs nothing) or an administrator
        e("GET /api/schedule/due",                             "DOOOOO");
        e("GET /api/schedule/certificates",                    "DOOOOO");
        e("GET /api/schedule/messages",                        "DOOOOO");
        e("GET /api/schedule/standards/{id}/overdue",          "DOOHHO");
        e("GET /api/schedule/labs/{id}/plan",                  "DOOOHO");
        e("GET /api/schedule/labs/{id}/calendar.ics",          "DOOOHO");
        e("GET /api/schedule/labs/{id}/capacities",            "DOOOHO");
        e("GET /api/instrument-types/{id}/interval-analysis",  "DOOOOO");
        e("GET /schedule/due",                                 "DOOOOO");
        e("GET /schedule/due/export.{format}",                 "DOOOOO");
        e("GET /schedule/labs/{id}/plan",                      "DOOOHO");
        e("GET /schedule/intervals/{typeId}",                  "DOOOOO");
        // certificates: lab A is the customer of the certificate; the batch is the institute's; issuing,
        // amending and withdrawing are signatures of the issuing lab's technicians; verification is public
        e("GET /api/certificates",                             "DOOOOO");
        e("GET /api/certificates/export.zip",                  "DOOOOO");
        e("GET /api/certificates/{number}.pdf",                "DOOOHO");
        e("GET /api/certificates/batches/{id}",                "DOOHHO");
        e("GET /certificates/{number}",                        "DOOOHO");
        e("GET /api/coverage/report.pdf",                      "DDODDO");
        e("GET /coverage/report.pdf",                          "DDODDO");
        e("GET /certificates",                                 "DOOOOO");
        e("GET /certificates/export.zip",                      "DOOOOO");
        e("GET /certificates/export.{format}",                 "DOOOOO");
        e("GET /certificates/{number}.pdf",                    "DOOOHO");
        e("GET /certificates/issue",                           "DODDDD");
        e("GET /certificates/batches/new",                     "DODDDD");
        e("GET /certificates/batches/{id}",                    "DOOHHO");
        e("GET /certificates/batches/{id}/progress",           "DOOHHO");
        e("GET /verify/{number}",                              "OOOOOO");
        // coverage: the province's figures are not for labs; a standard's chain and recall impact follow the
        // registry (the institute's standard is hidden from labs); demand is imported by officers and admins
        e("GET /api/coverage",                                 "DOODDO");
        e("GET /api/coverage/cities",                          "DOODDO");
        e("GET /api/coverage/demand",                          "DOODDO");
        e("GET /api/coverage/trend",                           "DOODDO");
        e("GET /api/standards/{id}/chain",                     "DOOHHO");
        e("GET /api/standards/{id}/impact",                    "DOOHHO");
        // verification schemes are public reference data; the province's standards per level are not for labs;
        // the recall impact page and its CSV follow the chain's rule
        e("GET /api/verification-schemes",                     "DOOOOO");
        // a standard's scheme claim: read as the standard; changed and withdrawn by technicians of its owner and
        // administrators (API and the standard page's forms)
        e("GET /api/standards/{id}/scheme-claim",              "DOOHHO");
        e("GET /coverage/schemes",                             "DOODDO");
        e("GET /standards/{id}/impact",                        "DOOHHO");
        e("GET /standards/{id}/impact.csv",                    "DOOHHO");
        e("GET /standards/{id}/impact/export.{format}",        "DOOHHO");
        e("GET /coverage",                                     "DOODDO");
        e("GET /coverage/demand",                              "DOODDO");
        e("GET /coverage/demand/export.{format}",              "DOODDO");
        e("GET /standards/{id}/chain",                         "DOOHHO");
        // @formatter:on
    }

    private static void e(String endpoint, String outcomes) {
        if (outcomes.length() != Who.values().length || !outcomes.matches("[ODH]+")) {
            throw new IllegalArgumentException(endpoint + ": " + outcomes);
        }
        EXPECTED.put(endpoint, outcomes);
    }

    /**
     * The write matrix: every state-changing endpoint (POST, PUT, PATCH, DELETE of the API and every form POST of the
     * pages) -> expected outcome per {@link Writer}, in its order. Stricter than the read matrix: a refused signed-in
     * user must get 403 exactly (anonymous 401, or for pages the login page), another organization's object 404
     * exactly; an allowed cell is anything but 401/403/404 (the empty body this test sends is then a 400).
     */
    static final Map<String, String> WRITES = new LinkedHashMap<>();

    static {
        // @formatter:off
        // The object's owner is T-INST (test-tech's institute): it performs the calibrations (lab A is their
        // customer), issues the certificate, owns the standard, the instrument asked about and the capacities; the
        // other technician works at another institute (T-INST-B). Province-wide settings (a procedure's interval, an
        // instrument type's) are for officers and administrators.
        w("POST /accounts",                                    "DDDDDDO");
        w("POST /accounts/{id}/enabled",                       "DDDDDDO");
        w("POST /accounts/{id}/password",                      "DDDDDDO");
        w("POST /accounts/{id}/roles",                         "DDDDDDO");
        w("POST /organizations",                               "DDDDDDO");
        w("POST /organizations/{id}",                          "DDDDDDO");
        w("POST /organizations/{id}/active",                   "DDDDDDO");
        w("POST /api/accounts/{userId}/tokens",                "DDDDDDO");
        w("POST /api/accounts/tokens/{id}/revoke",             "DDDDDDH");
        // calibration records: any technician drafts (for its own institute); a record of T-INST is not found to
        // another institute's technician
        w("POST /api/calibrations",                            "DOODDDD");
        w("POST /api/calibrations/import",                     "DOODDDD");
        w("PUT /api/calibrations/{id}",                        "DOHDDDD");
        w("POST /api/calibrations/{id}/approve",               "DOHDDDD");
        w("POST /api/calibrations/{id}/revisions",             "DOHDDDD");
        w("POST /api/calibrations/{id}/submit",                "DOHDDDD");
        w("POST /api/calibrations/{id}/return",                "DOHDDDD");
        w("POST /api/calibrations/{id}/withdraw",              "DOHDDDD");
        w("POST /calibrations/drafts",                         "DOODDDD");
        w("POST /calibrations/preview",                        "DOODDDD");
        w("POST /calibrations/{id}/approve",                   "DOHDDDD");
        w("POST /calibrations/{id}/submit",                    "DOHDDDD");
        w("POST /calibrations/{id}/return",                    "DOHDDDD");
        w("POST /calibrations/{id}/withdraw",                  "DOHDDDD");
        // procedure templates: any technician creates one for his institute; T-INST's is not found to another's
        w("POST /api/procedures",                              "DOODDDD");
        w("PUT /api/procedures/{id}",                          "DOHDDDD");
        w("POST /api/procedures/{id}/retire",                  "DOHDDDD");
        w("POST /procedures",                                  "DOODDDD");
        w("POST /procedures/{id}",                             "DOHDDDD");
        w("POST /procedures/{id}/retire",                      "DOHDDDD");
        // registry: technicians register for their own organization; another's instrument or standard is not found
        w("POST /api/instruments",                             "DOODDDO");
        w("POST /api/instruments/import",                      "DOODDDO");
        w("PUT /api/instruments/{id}",                         "DOHDDDO");
        w("POST /registry/instruments",                        "DOODDDO");
        w("POST /api/standards",                               "DOODDDO");
        w("POST /api/standards/import",                        "DOODDDO");
        w("PUT /api/standards/{id}",                           "DOHDDDO");
        w("POST /api/standards/{id}/assessment-certificates",  "DOHDDDO");
        w("POST /api/standards/{id}/equipment",                "DOHDDDO");
        // lab A's instrument is not equipment of the standard: not found to everyone who may unlink
        w("POST /api/standards/{id}/equipment/{instrumentId}/unlink", "DHHDDDH");
        w("POST /api/standards/{id}/status",                   "DOHDDDO");
        w("POST /registry/standards/{id}/certificates",        "DOHDDDO");
        w("POST /registry/standards/{id}/equipment",           "DOHDDDO");
        w("POST /registry/standards/{id}/status",              "DOHDDDO");
        w("PUT /api/standards/{id}/scheme-claim",              "DOHDDDO");
        w("POST /api/standards/{id}/scheme-claim/withdrawal",  "DOHDDDO");
        w("POST /registry/standards/{id}/scheme-claim",        "DOHDDDO");
        w("POST /registry/standards/{id}/scheme-claim/withdrawal", "DOHDDDO");
        // schedules: T-INST's capacities and its standard's interval are T-INST's; province-wide intervals are for
        // officers and administrators
        w("PUT /api/schedule/labs/{id}/capacities/{disciplineId}", "DOHDDDO");
        w("PUT /api/schedule/standards/{id}/interval",         "DOHDDDO");
        w("PUT /api/schedule/procedures/{code}/interval",      "DDDODDO");
        w("POST /api/instrument-types/{id}/interval-decisions", "DDDODDO");
        w("POST /schedule/intervals/{typeId}/decision",        "DDDODDO");
        // certificates: issued, amended and withdrawn by the issuing lab's technicians (signatures)
        w("POST /api/certificates",                            "DOODDDD");
        w("POST /api/certificates/batches",                    "DOODDDD");
        w("POST /api/certificates/{number}/amendments",        "DOHDDDD");
        w("POST /api/certificates/{number}/withdrawal",        "DOHDDDD");
        w("POST /certificates/issue",                          "DOODDDD");
        w("POST /certificates/batches",                        "DOODDDD");
        w("POST /certificates/batches/selection",              "DOODDDD");
        // re-sending one certificate's e-mail: another institute's batch is not found
        w("POST /certificates/batches/{id}/mail",              "DOHDDDD");
        w("POST /certificates/{number}/withdrawal",            "DOHDDDD");
        w("POST /verify/{number}",                             "OOOOOOO");
        // coverage demand is province-wide: officers and administrators
        w("POST /api/coverage/demand",                         "DDDODDO");
        // calculators change nothing
        w("POST /api/pt/score",                                "DOOOOOO");
        w("POST /api/uncertainty/evaluate",                    "DOOOOOO");
        // proficiency testing: officers run rounds; lab A is enrolled, lab B is not
        w("POST /api/pt/schemes",                              "DDDODDD");
        w("POST /api/pt/rounds",                               "DDDODDD");
        w("POST /api/pt/rounds/{id}/enrolments",               "DDDOOHD");
        w("POST /api/pt/rounds/{id}/enrolments/{labCode}/decision", "DDDODDD");
        w("POST /api/pt/rounds/{id}/items",                    "DDDODDD");
        w("POST /api/pt/rounds/{id}/results",                  "DDDDOOD");
        w("POST /api/pt/rounds/{id}/results/{labCode}/late",   "DDDODDD");
        w("POST /api/pt/rounds/{id}/scoring",                  "DDDODDD");
        w("POST /api/pt/rounds/{id}/status",                   "DDDODDD");
        w("POST /api/pt/rounds/{id}/documents/revisions",      "DDDODDD");
        w("POST /pt/schemes",                                  "DDDODDD");
        w("POST /pt/rounds",                                   "DDDODDD");
        w("POST /pt/rounds/{id}/enrolments",                   "DDDODDD");
        w("POST /pt/rounds/{id}/enrolments/{labCode}/decision", "DDDODDD");
        w("POST /pt/rounds/{id}/items",                        "DDDODDD");
        w("POST /pt/rounds/{id}/scoring",                      "DDDODDD");
        w("POST /pt/rounds/{id}/status",                       "DDDODDD");
        w("POST /pt/my/rounds/{id}/application",               "DDDDOHD");
        w("POST /pt/my/rounds/{id}/results",                   "DDDDOOD");
        // @formatter:on
    }

    private static void w(String endpoint, String outcomes) {
        if (outcomes.length() != Writer.values().length || !outcomes.matches("[ODH]+")) {
            throw new IllegalArgumentException(endpoint + ": " + outcomes);
        }
        WRITES.put(endpoint, outcomes);
    }

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedReadIsInTheMatrixAndAnswersEveryRoleAsDeclared() throws Exception {
        Map<String, String> values = objectsOfLabA();
        List<String> mismatches = new ArrayList<>();
        Map<String, String> actual = new TreeMap<>();
        for (String endpoint : endpoints(false)) {
            StringBuilder outcomes = new StringBuilder();
            for (Who who : Who.values()) {
                outcomes.append(outcome(endpoint, USERNAMES.get(who), values, false, mismatches));
            }
            actual.put(endpoint, outcomes.toString());
        }
        compare("e", EXPECTED, actual, Who.values(), mismatches);
    }

    @Test
    void everyStateChangingEndpointIsInTheWriteMatrixAndAnotherOrganizationsObjectIsNotFound() throws Exception {
        TestAccounts.ensureOtherTechnician(dsl, encoder);
        Map<String, String> values = objectsOfLabA();
        // writes are asked about objects of T-INST where the object has an owner to write for: its own instrument
        // and its own capacities
        long institute = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-INST"))
                .fetchSingle().value1();
        values.put("/api/instruments id", Long.toString(instituteInstrument(institute)));
        values.put("/api/schedule/labs id", Long.toString(institute));
        List<String> mismatches = new ArrayList<>();
        Map<String, String> actual = new TreeMap<>();
        for (String endpoint : endpoints(true)) {
            StringBuilder outcomes = new StringBuilder();
            for (Writer who : Writer.values()) {
                outcomes.append(outcome(endpoint, WRITER_NAMES.get(who), values, true, mismatches));
            }
            actual.put(endpoint, outcomes.toString());
        }
        compare("w", WRITES, actual, Writer.values(), mismatches);
    }

    private static void compare(String row, Map<String, String> expectedTable, Map<String, String> actual,
            Object[] columns, List<String> mismatches) {
        actual.forEach((endpoint, outcomes) -> {
            String expected = expectedTable.get(endpoint);
            if (expected == null) {
                mismatches.add(endpoint + " is mapped but not in the access matrix: add it (actual " + outcomes + ")");
            } else if (!expected.contentEquals(outcomes)) {
                mismatches.add(endpoint + " expected " + expected + " but was " + outcomes);
            }
        });
        TreeSet<String> stale = new TreeSet<>(expectedTable.keySet());
        stale.removeAll(actual.keySet());
        stale.forEach(s -> mismatches.add(s + " is in the matrix but no longer mapped: remove it"));
        StringBuilder table = new StringBuilder();
        actual.forEach((k, v) -> table.append(String.format("        %s(%-52s \"%s\");%n", row, "\"" + k + "\",", v)));
        assertThat(mismatches).as("access matrix (actual, %s):%n%s", List.of(columns), table).isEmpty();
    }

    private static final java.util.Set<String> WRITE_METHODS = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * Every (method, pattern) the application maps, the state-changing ones (POST, PUT, PATCH, DELETE) or the others;
     * a mapping without a method is asked with GET.
     */
    private TreeSet<String> endpoints(boolean writes) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            for (String pattern : info.getPatternValues()) {
                List<String> keys = methods.isEmpty() ? List.of("GET " + pattern)
                        : methods.stream().map(m -> m.name() + " " + pattern).toList();
                for (String key : keys) {
                    if (WRITE_METHODS.contains(key.substring(0, key.indexOf(' '))) != writes) {
                        continue;
                    }
                    endpoints.add(key);
                    if (!consumes.isEmpty() && !consumes.contains(MediaType.APPLICATION_JSON)) {
                        bodyTypes.putIfAbsent(key, consumes.iterator().next());
                    }
                }
            }
        }
        return endpoints;
    }

    /** Endpoints that read a body other than JSON (CSV imports): what to send them. */
    private final Map<String, MediaType> bodyTypes = new TreeMap<>();

    /**
     * Asks one endpoint as one user (null: anonymous). With {@code strict} (the write matrix) a refusal must be the
     * right one: 403 for a signed-in user ('L' if it was sent to log in again instead), 401 or the login page for
     * anonymous ('F' if it got 403).
     */
    private char outcome(String endpoint, String username, Map<String, String> values, boolean strict,
            List<String> problems) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = resolve(endpoint.substring(endpoint.indexOf(' ') + 1), values);
        boolean api = path.startsWith("/api/");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
        if (!method.equals("GET")) {
            if (api) {
                MediaType type = bodyTypes.getOrDefault(endpoint, MediaType.APPLICATION_JSON);
                request.contentType(type).content(type.equals(MediaType.APPLICATION_JSON) ? "{}" : "");
            } else {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
            }
        }
        if (path.equals("/error")) {
            // the container forwards here with the status of the error it shows
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
        }
        if (username != null) {
            request.with(api ? httpBasic(username, TestAccounts.PASSWORD) : user(users.loadUserByUsername(username)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            problems.add(endpoint + " as " + (username == null ? "anonymous" : username) + " answered " + status
                    + ": never a 5xx");
            return 'E';
        }
        boolean toLogin = status == 401
                || status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
        if (strict && username != null && toLogin) {
            return 'L';
        }
        if (strict && username == null && status == 403) {
            return 'F';
        }
        if (toLogin || status == 403) {
            return 'D';
        }
        return status == 404 ? 'H' : 'O';
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static String resolve(String pattern, Map<String, String> values) {
        String path = pattern.replace("/**", "/no-such-path");
        Matcher m = VARIABLE.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = null;
            for (var e : values.entrySet()) {
                String[] k = e.getKey().split(" ");
                if (k[1].equals(key) && path.startsWith(k[0])) {
                    value = e.getValue();
                    break;
                }
            }
            if (value == null) {
                throw new IllegalStateException("no value of lab A for {" + key + "} in " + pattern
                        + ": add one to objectsOfLabA()");
            }
            m.appendReplacement(sb, value);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** An instrument owned by the institute (the registry's writes are asked about an object of T-INST). */
    private long instituteInstrument(long institute) {
        long type = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.CODE.eq("CAL-TEST-CALIPER"))
                .fetchSingle().value1();
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, institute)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mitutoyo")
                .set(INSTRUMENT.MODEL, "matrix").set(INSTRUMENT.SERIAL_NO, "MATRIX-" + System.nanoTime() % 1_000_000)
                .set(INSTRUMENT.UNIT, "mm").returningResult(INSTRUMENT.ID).fetchSingle().value1();
    }

    private long throwawayAccount() {
        long lab = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-A")).fetchSingle()
                .value1();
        return dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "matrix-" + System.nanoTime() % 1_000_000)
                .set(APP_USER.PASSWORD_HASH, "{noop}unused").set(APP_USER.DISPLAY_NAME, "matrix target")
                .set(APP_USER.ORGANIZATION_ID, lab).returningResult(APP_USER.ID).fetchSingle().value1();
    }

    private long throwawayOrganization() {
        long region = dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-A"))
                .fetchSingle().value1();
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "T-MATRIX-" + System.nanoTime() % 1_000_000)
                .set(ORGANIZATION.NAME_ZH, "矩阵测试企业").set(ORGANIZATION.NAME_EN, "Matrix test enterprise")
                .set(ORGANIZATION.KIND, "ENTERPRISE").set(ORGANIZATION.REGION_ID, region)
                .returningResult(ORGANIZATION.ID).fetchSingle().value1();
    }

    /** "path-prefix variable" -> the id of lab A's object of that kind; first matching prefix wins. */
    private Map<String, String> objectsOfLabA() throws Exception {
        CalibrationApiFixture cal = new CalibrationApiFixture(dsl, encoder);
        String json = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations")
                        .with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(cal.draft()))
                .andReturn().getResponse().getContentAsString();
        String calibration = String.valueOf(((Number) JsonPath.read(json, "$.id")).longValue());
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        long round = pt.round(pt.referenceScheme("PT-TEST"), PtApiFixture.FUTURE);
        pt.move(round, "OPEN");
        String labCode = pt.enrol(round, "T-LAB-A")[0];
        pt.move(round, "DISPATCHED");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("/api/calibrations id", calibration);
        v.put("/calibrations id", calibration);
        v.put("/ format", "csv"); // the list exports, as CSV
        v.put("/api/instruments id", Long.toString(cal.instrument));
        v.put("/instruments id", Long.toString(cal.instrument));
        v.put("/api/standards/ instrumentId", Long.toString(cal.instrument));
        v.put("/api/standards id", Long.toString(cal.standard));
        v.put("/registry/standards id", Long.toString(cal.standard));
        v.put("/api/pt/rounds id", Long.toString(round));
        v.put("/api/pt/rounds/ labCode", labCode);
        v.put("/pt/rounds/ labCode", labCode);
        v.put("/pt/ id", Long.toString(round));
        v.put("/api/pt/labs organizationId", Long.toString(cal.labA));
        v.put("/api/pt/my id", Long.toString(round));
        // schedules: lab A's own plan, calendar and capacities; the instruments' type; the institute's standard
        var type = dsl.select(INSTRUMENT_TYPE.ID, QUANTITY.DISCIPLINE_ID).from(INSTRUMENT_TYPE).join(QUANTITY)
                .on(QUANTITY.ID.eq(INSTRUMENT_TYPE.QUANTITY_ID)).where(INSTRUMENT_TYPE.CODE.eq("CAL-TEST-CALIPER"))
                .fetchSingle();
        v.put("/api/schedule/labs/ disciplineId", Long.toString(type.value2()));
        v.put("/api/schedule/labs id", Long.toString(cal.labA));
        v.put("/schedule/labs id", Long.toString(cal.labA));
        v.put("/api/schedule/standards id", Long.toString(cal.standard));
        v.put("/api/schedule/procedures code", "JJG 30-2012");
        v.put("/api/instrument-types id", Long.toString(type.value1()));
        v.put("/schedule/intervals typeId", Long.toString(type.value1()));
        // an approved calibration of lab A's instrument with its issued certificate, and a batch of the institute
        String approved = String.valueOf(((Number) JsonPath.read(mvc.perform(MockMvcRequestBuilders.post(
                        "/api/calibrations").with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(cal.draft()))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue());
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/submit", approved)
                .with(httpBasic("test-tech", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}"));
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/approve", approved)
                .with(httpBasic("test-tech-2", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}"));
        String certificate = JsonPath.read(mvc.perform(MockMvcRequestBuilders.post("/api/certificates")
                        .with(httpBasic("test-tech", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":" + approved + ",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString(), "$.number");
        String batch = String.valueOf(((Number) JsonPath.read(mvc.perform(MockMvcRequestBuilders.post(
                        "/api/certificates/batches").with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue());
        v.put("/api/certificates/batches id", batch);
        v.put("/certificates/batches id", batch);
        v.put("/api/certificates number", certificate);
        v.put("/certificates number", certificate);
        v.put("/verify number", certificate);
        v.put("/standards id", Long.toString(cal.standard));
        // a procedure template of the institute (T-INST), written by its technician
        var caliper = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE)
                .where(INSTRUMENT_TYPE.CODE.eq("CAL-TEST-CALIPER")).fetchSingle().value1();
        String procedure = String.valueOf(((Number) JsonPath.read(mvc.perform(MockMvcRequestBuilders.post(
                        "/api/procedures").with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"code":"JJG AM-%d","title":"Calipers","instrumentTypeId":%d,"unit":"mm",
                                 "decisionRule":"SIMPLE_ACCEPTANCE","points":[{"nominal":10,"unit":"mm",
                                 "tolerance":0.02,"components":[{"name":"reference","expandedUncertainty":0.0008,
                                 "coverageFactor":2}]}]}""".formatted(System.nanoTime(), caliper)))
                .andReturn().getResponse().getContentAsString(), "$.id")).longValue());
        v.put("/api/procedures id", procedure);
        v.put("/api/procedures/ versionNo", "1");
        v.put("/procedures id", procedure);
        // account changes are asked about a throwaway account (an administrator's empty "enabled" form disables it)
        long throwaway = throwawayAccount();
        v.put("/accounts id", Long.toString(throwaway));
        v.put("/api/accounts/ userId", Long.toString(throwaway));
        // organization changes are asked about a throwaway enterprise (the empty "active" form deactivates it)
        v.put("/organizations id", Long.toString(throwawayOrganization()));
        // no token exists with this id: an administrator is told so (404), everyone else is refused first
        v.put("/api/accounts/tokens id", "999999999");
        return v;
    }
}
