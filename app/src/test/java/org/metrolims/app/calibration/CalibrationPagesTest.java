package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH_2;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class CalibrationPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aTechnicianGetsTheFormTheListAndTheReviewQueueInBothLanguages() throws Exception {
        assertThat(page("/calibrations/new", "test-tech", "en")).contains("Log a calibration", "calibration.js",
                "data-csrf=");
        assertThat(page("/calibrations/new", "test-tech", "zh-CN")).contains("登记校准");
        assertThat(page("/calibrations", "test-tech", "en")).contains("href=\"/calibrations/review\"");
        assertThat(page("/calibrations/review", "test-tech", "zh-CN")).contains("待审核的校准记录");
    }

    @Test
    void theFormOffersTheLabsStandardsAndFindsInstrumentsByWhatIsTypedOnThem() throws Exception {
        assertThat(page("/calibrations/new", "test-tech", "zh-CN")).contains("id=\"standard-picker\"",
                "value=\"" + f.standard + "\"", "CAL-TEST-STD · 量块标准装置", "查找被校仪器");
        mvc.perform(get("/calibrations/options/instruments").param("q", "cal-test-1").with(signedIn("test-tech")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(f.instrument))
                .andExpect(jsonPath("$[0].label").value(org.hamcrest.Matchers.startsWith("CAL-TEST-1 · ")));
        mvc.perform(get("/calibrations/options/instruments").param("q", "c").with(signedIn("test-tech")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/calibrations/options/instruments").param("q", "cal-test").with(signedIn("test-lab-b")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormIsForTechniciansOnly() throws Exception {
        mvc.perform(get("/calibrations/new").with(signedIn("test-officer"))).andExpect(status().isForbidden());
        mvc.perform(get("/calibrations/review").with(signedIn("test-lab-a"))).andExpect(status().isForbidden());
    }

    @Test
    void theFormRecomputesAndSavesThroughTheSessionWithItsCsrfToken() throws Exception {
        mvc.perform(post("/calibrations/preview").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(f.draft()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].expandedUncertainty").value(0.00025))
                .andExpect(jsonPath("$[0].verdict").value("PASS"));
        mvc.perform(post("/calibrations/preview").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(f.draft("""
                                {"nominal":10,"unit":"mm","readings":[10.0002]}""")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("points[0].readings"));
        mvc.perform(post("/calibrations/drafts").with(signedIn("test-tech"))
                        .contentType(MediaType.APPLICATION_JSON).content(f.draft()))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/calibrations/drafts").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(f.draft()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").isNumber());
    }

    @Test
    void aCalibrationsPageShowsItsPointsBudgetAndRevisionsAndOffersApprovalToTheSecondTechnicianOnly()
            throws Exception {
        long id = id("/api/calibrations", f.draft(), TECH);
        mvc.perform(post("/api/calibrations/{id}/submit", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());

        String mine = page("/calibrations/" + id, "test-tech", "en");
        assertThat(mine)
                .contains("repeatability", "reference", "Uncertainty budget", "Revision 1 — Submitted for review")
                .doesNotContain("/approve\"");
        // U as a metrologist writes it (two significant digits, with its unit), never the "U = 0" a MessageFormat
        // made of 0.00026 mm; the mean to U's decimal place
        assertThat(mine).containsPattern("U = 0\\.000\\d\\d mm \\(k = ").containsPattern(">10\\.000\\d\\d mm<")
                .doesNotContain("U = 0 (");
        assertThat(page("/calibrations/" + id, "test-tech-2", "en")).contains("/calibrations/" + id + "/approve");
        assertThat(page("/calibrations/review", "test-tech-2", "en")).contains("/calibrations/" + id + "\"");

        mvc.perform(post("/calibrations/{id}/approve", id).with(signedIn("test-tech-2")).with(csrf())
                        .param("version", "1").param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/calibrations/" + id));
        assertThat(page("/calibrations/" + id, "test-lab-a", "zh-CN")).contains("第 1 版 — 已批准");
        mvc.perform(get("/calibrations/{id}", id).with(signedIn("test-lab-b"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/calibrations/{id}", id).with(TECH_2)).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void theReviewerReturnsARecordFromItsPageAndABlankReasonIsRefusedNotFailed() throws Exception {
        long id = id("/api/calibrations", f.draft(), TECH);
        mvc.perform(post("/api/calibrations/{id}/submit", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
        assertThat(page("/calibrations/" + id, "test-tech-2", "zh-CN")).contains("退回检定员",
                "/calibrations/" + id + "/return", "/calibrations/" + id + "/withdraw");

        mvc.perform(post("/calibrations/{id}/return", id).with(signedIn("test-tech-2")).with(csrf())
                        .param("version", "1").param("reason", " "))
                .andExpect(redirectedUrl("/calibrations/" + id))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.startsWith("reason:")));
        mvc.perform(post("/calibrations/{id}/return", id).with(signedIn("test-tech-2")).with(csrf())
                        .param("version", "1").param("reason", "the 20 mm reading is mistyped"))
                .andExpect(redirectedUrl("/calibrations/" + id)).andExpect(flash().attribute("done", true));
        mvc.perform(get("/api/calibrations/{id}", id).with(TECH)).andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(page("/calibrations/" + id, "test-lab-a", "en")).doesNotContain("/withdraw\"");
    }

    private String page(String path, String username, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(signedIn(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long id(String path, String body, RequestPostProcessor who) throws Exception {
        String json = mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
