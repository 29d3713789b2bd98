package org.metrolims.app.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Limits on the size and cost of what a client may send, each refused with problem+json naming its field (or 413 for
 * a body too large), never a 500 (issue 14 item 6, issue 15 item 2).
 */
@AppTest
class InputLimitsApiTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    static final RequestPostProcessor OFFICER = httpBasic("test-officer", TestAccounts.PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @Test
    void aPageSizeAbove500OrANegativeOrOverflowingPageIs400NamingItInEveryPagedList() throws Exception {
        String[] lists = {"/api/certificates", "/api/calibrations", "/api/calibrations/review-queue",
                "/api/instruments", "/api/standards", "/api/schedule/due", "/api/regions", "/api/organizations",
                "/api/disciplines"};
        for (String list : lists) {
            expectField(mvc.perform(get(list).param("size", "1000").with(TECH)), "size");
            expectField(mvc.perform(get(list).param("page", "-1").with(TECH)), "page");
            expectField(mvc.perform(get(list).param("page", "2147483647").with(TECH)), "page");
            expectField(mvc.perform(get(list).param("page", "99999999999").with(TECH)), "page");
            expectField(mvc.perform(get(list).param("size", "99999999999").with(TECH)), "size");
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheGlobalLimitIs413ProblemJson() throws Exception {
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/api/pt/score").with(LAB).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void theScorerTakesAtMost10000ResultsNamingResults() throws Exception {
        StringBuilder json = new StringBuilder("{\"results\":[");
        StringBuilder csv = new StringBuilder("lab,value,u\n");
        for (int i = 0; i <= 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"lab\":\"L").append(i).append("\",\"value\":1.").append(i % 97)
                    .append('}');
            csv.append('L').append(i).append(",1.").append(i % 97).append(",\n");
        }
        json.append("]}");
        expectField(mvc.perform(post("/api/pt/score").with(LAB).contentType(MediaType.APPLICATION_JSON)
                .content(json.toString())), "results");
        expectField(mvc.perform(post("/api/pt/score").with(LAB).contentType("text/csv").content(csv.toString())),
                "results");
    }

    @Test
    void theCalculatorTakesAtMost200ComponentsAndAnswersQuickly() throws Exception {
        StringBuilder components = new StringBuilder();
        StringBuilder correlations = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            components.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i)
                    .append("\",\"type\":\"B\",\"standardUncertainty\":0.01}");
            if (i > 0) {
                correlations.append(i == 1 ? "" : ",").append("{\"a\":\"c0\",\"b\":\"c").append(i)
                        .append("\",\"r\":0.001}");
            }
        }
        long start = System.nanoTime();
        expectField(mvc.perform(post("/api/uncertainty/evaluate").with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"components\":[" + components + "],\"correlations\":[" + correlations + "]}")),
                "components");
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2.0);
        String readings = "[" + "1.0,".repeat(1_000) + "1.1]";
        expectField(mvc.perform(post("/api/uncertainty/evaluate").with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"components\":[{\"name\":\"a\",\"type\":\"A\",\"values\":" + readings + "}]}")),
                "components[0].values");
    }

    @Test
    void jsonBeyondTheParserLimitsIs400() throws Exception {
        String deep = "[".repeat(150) + "]".repeat(150);
        String longNumber = "1" + "0".repeat(150);
        String longString = "a".repeat(100_001);
        String valid = "\"components\":[{\"name\":\"a\",\"type\":\"B\",\"standardUncertainty\":1}]";
        mvc.perform(post("/api/uncertainty/evaluate").with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":" + "[".repeat(90) + "]".repeat(90) + "," + valid + "}")).andExpect(status().isOk());
        for (String body : new String[] {"{\"note\":" + deep + "," + valid + "}",
                "{\"components\":[{\"name\":\"a\",\"type\":\"B\",\"standardUncertainty\":" + longNumber + "}]}",
                "{\"components\":[{\"name\":\"" + longString + "\",\"type\":\"B\",\"standardUncertainty\":1}]}"}) {
            mvc.perform(post("/api/uncertainty/evaluate").with(TECH).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aDueListLookingBeyondADateTheSystemCanHoldIs400NamingTheParameter() throws Exception {
        expectField(mvc.perform(get("/api/schedule/due").param("within", "P1000000000Y").with(TECH)), "within");
        expectField(mvc.perform(get("/api/schedule/due").param("within", "P999999999Y").with(TECH)), "within");
        expectField(mvc.perform(get("/api/schedule/due").param("asOf", "+999999999-01-01").with(TECH)), "asOf");
        expectField(mvc.perform(get("/api/schedule/due").param("asOf", "1000002025-01-01").with(TECH)), "asOf");
        expectField(mvc.perform(get("/api/schedule/due").param("asOf", "0001-01-01").with(TECH)), "asOf");
        expectField(mvc.perform(get("/api/coverage").param("asOf", "+100000-01-01").with(OFFICER)), "asOf");
        mvc.perform(get("/api/schedule/due").param("asOf", "2026-11-01").with(TECH)).andExpect(status().isOk());
    }

    @Test
    void csvImportsWithAnUnterminatedQuoteInTheHeaderAre400NamingTheFile() throws Exception {
        byte[] csv = "\"owner,type,serialNo\nFJIM,x,y\n".getBytes(StandardCharsets.UTF_8);
        expectField(mvc.perform(post("/api/instruments/import").with(TECH).contentType("text/csv").content(csv)),
                "file");
        expectField(mvc.perform(post("/api/standards/import").with(TECH).contentType("text/csv").content(csv)),
                "file");
        expectField(mvc.perform(post("/api/coverage/demand").with(OFFICER).contentType("text/csv").content(csv)),
                "file");
    }

    @Test
    void aCsvImportOfMoreThan20000RowsIsRefusedNamingTheFile() throws Exception {
        StringBuilder csv = new StringBuilder("owner,type,manufacturer,model,serialNo,unit\n");
        for (int i = 0; i <= 20_000; i++) {
            csv.append("NO-ORG,NO-TYPE,m,x,S").append(i).append(",g\n");
        }
        mvc.perform(post("/api/instruments/import").with(TECH).contentType("text/csv").content(csv.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("at most 20000 rows")));
    }

    private static void expectField(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)));
    }
}
