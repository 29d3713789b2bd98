package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The live calibration form's correlated inputs (GUM 5.2.2): sent with the preview and the draft, checked there. */
@AppTest
class CalibrationFormCorrelationTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    /** The fixture's 10 mm point (Type A from three readings, reference U = 0.2 µm k = 2, resolution a = 0.05 µm). */
    static String point(String correlations) {
        return CalibrationApiFixture.POINT.substring(0, CalibrationApiFixture.POINT.lastIndexOf('}'))
                + ",\"correlations\":" + correlations + "}";
    }

    private ResultActions preview(String body) throws Exception {
        return mvc.perform(post("/calibrations/preview").with(user(users.loadUserByUsername("test-tech"))).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aCorrelationEnteredInTheFormChangesTheCombinedUncertaintyAsGum522Says() throws Exception {
        // u_A = s/√n = 1e-4/√3, u_ref = 1e-4, u_res = 5e-5/√3, all sensitivities 1
        double uA2 = 1e-8 / 3;
        double uRef = 1e-4;
        double uRes = 5e-5 / Math.sqrt(3);
        double independent = Math.sqrt(uA2 + uRef * uRef + uRes * uRes);
        // GUM 5.2.2 Eq. (16): u_c² = Σ c_i² u_i² + 2 Σ c_i c_j u_i u_j r(x_i, x_j)
        double correlated = Math.sqrt(uA2 + uRef * uRef + uRes * uRes + 2 * 0.8 * uRef * uRes);

        preview(f.draft(point("[]"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].combinedStandardUncertainty")
                        .value(Matchers.closeTo(independent, 1e-12), Double.class));
        preview(f.draft(point("[{\"a\":\"reference\",\"b\":\"resolution\",\"r\":0.8}]"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].combinedStandardUncertainty")
                        .value(Matchers.closeTo(correlated, 1e-12), Double.class))
                .andExpect(jsonPath("$[0].correlations[0].r").value(0.8));
        assertThat(correlated - independent).isGreaterThan(1e-6);
    }

    @Test
    void aCoefficientOutsideMinusOneToOneOrAnInconsistentSetIsRefusedNamingTheCorrelation() throws Exception {
        preview(f.draft(point("[{\"a\":\"reference\",\"b\":\"resolution\",\"r\":1.5}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("points[0].correlations[0].r"));
        // r = 0.9, 0.9, −0.9 between three inputs: no such joint distribution (the matrix is not positive definite)
        preview(f.draft(point("[{\"a\":\"repeatability\",\"b\":\"reference\",\"r\":0.9},"
                + "{\"a\":\"repeatability\",\"b\":\"resolution\",\"r\":0.9},"
                + "{\"a\":\"reference\",\"b\":\"resolution\",\"r\":-0.9}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(Matchers.matchesPattern(
                        "points\\[0]\\.correlations\\[\\d]\\.r")));
        preview(f.draft(point("[{\"a\":\"reference\",\"b\":\"thermometer\",\"r\":0.5}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("points[0].correlations[0].b"));
    }

    @Test
    void aDraftSavedFromTheFormKeepsItsCorrelations() throws Exception {
        String json = mvc.perform(post("/calibrations/drafts").with(user(users.loadUserByUsername("test-tech")))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(f.draft(point("[{\"a\":\"reference\",\"b\":\"resolution\",\"r\":-0.25}]"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();

        mvc.perform(get("/api/calibrations/{id}", id).with(TECH)).andExpect(status().isOk())
                .andExpect(jsonPath("$.points[0].correlations[0].a").value("reference"))
                .andExpect(jsonPath("$.points[0].correlations[0].b").value("resolution"))
                .andExpect(jsonPath("$.points[0].correlations[0].r").value(-0.25));
    }

    @Test
    void theFormHasACorrelationTableInBothLanguages() throws Exception {
        for (String lang : new String[] {"en", "zh-CN"}) {
            String html = mvc.perform(get("/calibrations/new").param("lang", lang)
                            .with(user(users.loadUserByUsername("test-tech"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"correlation-template\"", "data-r=\"r\"", "class=\"table correlations\"");
            assertThat(html).contains(lang.equals("en") ? "Add a correlation" : "添加相关系数");
        }
    }
}
