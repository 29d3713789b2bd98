package org.metrolims.app.proficiency;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_A;
import static org.metrolims.app.proficiency.PtApiFixture.TECH;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.proficiency.statistics.AlgorithmA;
import org.metrolims.proficiency.statistics.AlgorithmAResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The stateless scorer against ISO 13528:2022 example E.3 (atrazine, 34 results; Table E.5 prints median 0.2620,
 * MADe 0.0386, nIQR 0.0402, x* 0.2570, s* 0.0395, u(x_pt) 0.0085), and against the statistics package's own
 * Algorithm A on the same data to 1e-12.
 */
@AppTest
class ScorerApiTest {

    static final double[] ATRAZINE_E3 = {0.040, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.230, 0.230, 0.235,
        0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.260, 0.264, 0.267, 0.270, 0.273, 0.274, 0.274, 0.278,
        0.2811, 0.287, 0.287, 0.288, 0.289, 0.295, 0.296, 0.311, 0.331, 0.4246};

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @Test
    void reproducesTheStandardsExampleE3FromJson() throws Exception {
        AlgorithmAResult a = AlgorithmA.compute(ATRAZINE_E3);

        expectE3(json("""
                {"results":%s,"assignedValue":{"method":"algorithm-a"},"sigmaPt":{"method":"robust"}}"""
                .formatted(resultsJson())), a);
    }

    @Test
    void reproducesTheSameFromCsv() throws Exception {
        String csv = "lab,value,u\n" + IntStream.range(0, ATRAZINE_E3.length)
                .mapToObj(i -> "L%02d,%s,".formatted(i + 1, ATRAZINE_E3[i])).collect(Collectors.joining("\n"));

        expectE3(mvc.perform(post("/api/pt/score").with(LAB_A).contentType("text/csv").content(csv)),
                AlgorithmA.compute(ATRAZINE_E3));
    }

    /** x_pt = 10, u = 0.05 (not below 0.3 x 0.1): z' classifies; zeta and En only where u is given. */
    @Test
    void scoresAgainstAReferenceValueWithAFixedSigmaPt() throws Exception {
        json("""
                {"results":[{"lab":"A","value":10.25,"u":0.1},{"lab":"B","value":9.9}],
                 "assignedValue":{"method":"reference","value":10.0,"u":0.05},"sigmaPt":{"value":0.1}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignedValue").value(10.0))
                .andExpect(jsonPath("$.sigmaPt").value(0.1))
                .andExpect(jsonPath("$.robustMean").doesNotExist())
                .andExpect(jsonPath("$.iterations").doesNotExist())
                .andExpect(jsonPath("$.uncertaintyNegligible").value(false))
                .andExpect(jsonPath("$.classifiedBy").value("Z_PRIME"))
                .andExpect(jsonPath("$.scores[0].lab").value("A"))
                .andExpect(jsonPath("$.scores[0].z", closeTo(2.5, 1e-9), Double.class))
                .andExpect(jsonPath("$.scores[0].zPrime", closeTo(0.25 / Math.sqrt(0.0125), 1e-9), Double.class))
                .andExpect(jsonPath("$.scores[0].zeta", closeTo(0.25 / Math.sqrt(0.0125), 1e-9), Double.class))
                .andExpect(jsonPath("$.scores[0].en", closeTo(0.25 / Math.sqrt(0.04 + 0.01), 1e-9), Double.class))
                .andExpect(jsonPath("$.scores[0].classification").value("QUESTIONABLE"))
                .andExpect(jsonPath("$.scores[1].zeta").value((Object) null))
                .andExpect(jsonPath("$.scores[1].en").value((Object) null))
                .andExpect(jsonPath("$.scores[1].classification").value("SATISFACTORY"));
    }

    @Test
    void anySignedInUserMayScoreButNotAnonymousCallers() throws Exception {
        String body = "{\"results\":[{\"lab\":\"A\",\"value\":1}],"
                + "\"assignedValue\":{\"method\":\"reference\",\"value\":1,\"u\":0},\"sigmaPt\":{\"value\":1}}";
        mvc.perform(post("/api/pt/score").with(TECH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.scores[0].z").value(0.0));
        mvc.perform(post("/api/pt/score").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIs400NamingTheProblem() throws Exception {
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":1},{\"lab\":\"A\",\"value\":2},{\"lab\":\"C\",\"value\":3}]}",
                "results[1].lab", "appears twice");
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":1e999}]}", "results[0].value", "finite");
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":\"ten\"}]}", "results[0].value", "");
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":1,\"u\":-0.1}]}", "results[0].u", "not below zero");
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":1},{\"lab\":\"B\",\"value\":2}]}", "results",
                "at least 3");
        badRequest("{\"results\":[{\"lab\":\"A\",\"value\":1},{\"lab\":\"B\",\"value\":1},{\"lab\":\"C\",\"value\":1}]}",
                "results", "s* = 0");
        mvc.perform(post("/api/pt/score").with(TECH).contentType("text/csv").content("lab,value,u\nA,1,\nB,x,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("line 3.value"));
    }

    private void expectE3(ResultActions response, AlgorithmAResult a) throws Exception {
        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.median", closeTo(0.2620, 0.00005), Double.class))
                .andExpect(jsonPath("$.madE", closeTo(0.0386, 0.00005), Double.class))
                .andExpect(jsonPath("$.nIqr", closeTo(0.0402, 0.00005), Double.class))
                .andExpect(jsonPath("$.robustMean", closeTo(0.2570, 0.00005), Double.class))
                .andExpect(jsonPath("$.robustSd", closeTo(0.0395, 0.00005), Double.class))
                .andExpect(jsonPath("$.assignedValue", closeTo(a.robustMean(), 1e-12), Double.class))
                .andExpect(jsonPath("$.assignedValueUncertainty", closeTo(0.0085, 0.00005), Double.class))
                .andExpect(jsonPath("$.sigmaPt", closeTo(a.robustStandardDeviation(), 1e-12), Double.class))
                .andExpect(jsonPath("$.iterations").value(a.iterations()))
                .andExpect(jsonPath("$.iterations", greaterThan(1)))
                .andExpect(jsonPath("$.scores.length()").value(34))
                .andExpect(jsonPath("$.scores[0].lab").value("L01"))
                .andExpect(jsonPath("$.scores[0].z",
                        closeTo((0.040 - a.robustMean()) / a.robustStandardDeviation(), 1e-9), Double.class))
                .andExpect(jsonPath("$.scores[0].zeta").value((Object) null))
                // u(x_pt) = 1.25 s*/sqrt(34) = 0.21 s*, below 0.3 s*: classified by z
                .andExpect(jsonPath("$.classifiedBy").value("Z"))
                .andExpect(jsonPath("$.scores[0].classification").value("UNSATISFACTORY"));
    }

    private String resultsJson() {
        return IntStream.range(0, ATRAZINE_E3.length)
                .mapToObj(i -> "{\"lab\":\"L%02d\",\"value\":%s}".formatted(i + 1, ATRAZINE_E3[i]))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private ResultActions json(String body) throws Exception {
        return mvc.perform(post("/api/pt/score").with(LAB_A).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void badRequest(String body, String field, String message) throws Exception {
        json(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));
    }
}
