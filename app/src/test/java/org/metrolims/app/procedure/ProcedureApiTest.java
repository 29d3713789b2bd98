package org.metrolims.app.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE;
import static org.metrolims.db.jooq.Tables.PROCEDURE_TEMPLATE_VERSION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The procedure template API and pages: bad input is problem+json naming the field and stores nothing, another
 * institute's template is 404 for reads and writes, a revision keeps the version before, and the page form shows a
 * refused field next to it.
 */
@AppTest
class ProcedureApiTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor OTHER = httpBasic(TestAccounts.OTHER_TECHNICIAN, TestAccounts.PASSWORD);
    static final AtomicInteger CODES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    long caliper;

    @BeforeEach
    void data() {
        new CalibrationApiFixture(dsl, encoder);
        TestAccounts.ensureOtherTechnician(dsl, encoder);
        caliper = dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE)
                .where(INSTRUMENT_TYPE.CODE.eq("CAL-TEST-CALIPER")).fetchSingle().value1();
    }

    String body(String code, String point) {
        return """
                {"code":"%s","title":"Calipers","instrumentTypeId":%d,"unit":"mm",
                 "decisionRule":"SIMPLE_ACCEPTANCE","points":[%s]}""".formatted(code, caliper, point)
                .replace("\"code\":\"null\",", "");
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    RequestPostProcessor signedIn(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(username));
    }

    static final String POINT = """
            {"nominal":10,"unit":"mm","tolerance":0.02,"toleranceUnit":"mm","components":[
             {"name":"gauge block","expandedUncertainty":0.0008,"coverageFactor":2},
             {"name":"resolution","distribution":"rectangular","halfWidth":0.005}]}""";

    static String code() {
        return "JJG API-" + CODES.incrementAndGet() + "-" + System.nanoTime();
    }

    long created(String code) throws Exception {
        String json = mvc.perform(post("/api/procedures").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, POINT)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void badInputIsProblemJsonNamingTheFieldAndStoresNothing() throws Exception {
        refused(body(code(), POINT.replace("\"unit\":\"mm\"", "\"unit\":\"kg\"")), "points[0].unit");
        refused(body(code(), POINT.replace("\"tolerance\":0.02", "\"tolerance\":-1")), "points[0].tolerance");
        refused(body(code(), POINT.replace("\"coverageFactor\":2", "\"coverageFactor\":5000")),
                "points[0].components[0].coverageFactor");
        refused(body(code(), POINT.replace("\"nominal\":10", "\"nominal\":1e30")), "points[0].nominal");
        refused(body(code(), POINT.replace("\"tolerance\":0.02", "\"tolerance\":1e-13")), "points[0].tolerance");
        refused(body(code(), POINT).replace("\"decisionRule\":\"SIMPLE_ACCEPTANCE\",", ""), "decisionRule");
        refused(body("", POINT), "code");
        refused(body(code(), POINT).replace("\"Calipers\"", "\"" + "x".repeat(201) + "\""), "title");
        refused(body(code(), POINT).replace("\"instrumentTypeId\":" + caliper, "\"instrumentTypeId\":999999999"),
                "instrumentTypeId");
        refused(body(code(), ""), "points");
    }

    private void refused(String body, String field) throws Exception {
        int templates = dsl.fetchCount(PROCEDURE_TEMPLATE);
        int versions = dsl.fetchCount(PROCEDURE_TEMPLATE_VERSION);
        mvc.perform(post("/api/procedures").with(TECH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)));
        assertThat(dsl.fetchCount(PROCEDURE_TEMPLATE)).as("templates after " + field).isEqualTo(templates);
        assertThat(dsl.fetchCount(PROCEDURE_TEMPLATE_VERSION)).as("versions after " + field).isEqualTo(versions);
    }

    @Test
    void anotherInstitutesTemplateIsNotFoundForReadsAndWrites() throws Exception {
        long id = created(code());

        mvc.perform(get("/api/procedures/{id}", id).with(OTHER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/procedures/{id}/versions/1", id).with(OTHER)).andExpect(status().isNotFound());
        mvc.perform(put("/api/procedures/{id}", id).with(OTHER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"procedure\":" + body(null, POINT) + "}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/procedures/{id}/retire", id).with(OTHER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}")).andExpect(status().isNotFound());
        mvc.perform(get("/procedures/{id}", id).with(signedIn(TestAccounts.OTHER_TECHNICIAN))).andExpect(status().isNotFound());
        mvc.perform(get("/api/procedures").with(OTHER))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) id))));
        // and nothing changed
        mvc.perform(get("/api/procedures/{id}", id).with(TECH))
                .andExpect(jsonPath("$.currentVersion").value(1)).andExpect(jsonPath("$.retiredAt").doesNotExist());
    }

    @Test
    void aRevisionIsANewVersionAndAStaleOneIsAConflict() throws Exception {
        long id = created(code());
        String revised = body(null, POINT.replace("\"tolerance\":0.02", "\"tolerance\":0.03"));
        mvc.perform(put("/api/procedures/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"procedure\":" + revised + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(get("/api/procedures/{id}/versions/1", id).with(TECH))
                .andExpect(jsonPath("$.points[0].tolerance").value(0.02));
        mvc.perform(get("/api/procedures/{id}/versions/2", id).with(TECH))
                .andExpect(jsonPath("$.points[0].tolerance").value(0.03));
        mvc.perform(put("/api/procedures/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"procedure\":" + revised + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(put("/api/procedures/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"procedure\":" + revised + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void onlyTechniciansKeepTemplates() throws Exception {
        mvc.perform(post("/api/procedures").with(httpBasic("test-officer", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body(code(), POINT))).andExpect(status().isForbidden());
    }

    @Test
    void thePageFormShowsARefusedFieldNextToItInChinese() throws Exception {
        String html = mvc.perform(post("/procedures").with(signedIn("test-tech")).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("code", code()).param("title", "Calipers").param("instrumentTypeId", "" + caliper)
                        .param("unit", "mm").param("decisionRule", "SIMPLE_ACCEPTANCE")
                        .param("points[0].nominal", "") .param("points[0].unit", "")
                        .param("points[1].nominal", "10").param("points[1].unit", "kg")
                        .param("points[1].tolerance", "0.02")
                        .param("points[1].components[0].name", "gauge block")
                        .param("points[1].components[0].expandedUncertainty", "0.0008")
                        .param("points[1].components[0].coverageFactor", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // a number that is not one is refused by the binder, in Chinese, at its field; nothing is stored
        assertThat(html).contains("不是数字").doesNotContain("java.lang", "NumberFormatException");
        String fixed = mvc.perform(post("/procedures").with(signedIn("test-tech")).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("code", code()).param("title", "Calipers").param("instrumentTypeId", "" + caliper)
                        .param("unit", "mm").param("decisionRule", "SIMPLE_ACCEPTANCE")
                        .param("points[1].nominal", "10").param("points[1].unit", "kg")
                        .param("points[1].tolerance", "0.02")
                        .param("points[1].components[0].name", "gauge block")
                        .param("points[1].components[0].expandedUncertainty", "0.0008")
                        .param("points[1].components[0].coverageFactor", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the service's refusal of row 2's unit (the blank row 1 left out) is shown at row 2, in Chinese
        assertThat(fixed).containsPattern("name=\"points\\[1]\\.unit\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*name=\"points\\[1]\\.unit\"")
                .contains("不是该器具类型所测量的量的已知单位");
    }
}
