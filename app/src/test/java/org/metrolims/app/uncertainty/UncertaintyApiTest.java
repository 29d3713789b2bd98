package org.metrolims.app.uncertainty;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class UncertaintyApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    /** A number at a JSON path within a tolerance, whether the parser made it a Double or a BigDecimal. */
    static ResultMatcher near(String path, double expected, double tolerance) {
        return jsonPath(path, closeTo(expected, tolerance), Double.class);
    }

    ResultActions evaluate(String json) throws Exception {
        return mvc.perform(post("/api/uncertainty/evaluate").with(tech)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /**
     * JCGM 100:2008 H.1, end gauge, in nm, with u(d) = 9.7 nm and ν = 25.6 as Table H.1 gives them:
     * u_c = 32 nm, ν_eff = 16.7 → 16, t_99(16) = 2.92, U_99 = 93 nm.
     */
    @Test
    void evaluatesTheGumEndGaugeExampleH1() throws Exception {
        evaluate("""
                {"coverageProbability": 0.99, "value": 50000838,
                 "components": [
                  {"name": "l_s", "type": "B", "distribution": "normal", "expandedUncertainty": 75, "coverageFactor": 3, "dof": 18},
                  {"name": "d", "type": "B", "standardUncertainty": 9.66, "dof": 25.6},
                  {"name": "alpha_s", "type": "B", "distribution": "rectangular", "halfWidth": 2e-6, "sensitivity": 0},
                  {"name": "theta", "type": "B", "standardUncertainty": 0.41, "sensitivity": 0},
                  {"name": "delta_alpha", "type": "B", "distribution": "rectangular", "halfWidth": 1e-6,
                   "sensitivity": 5000062.36, "dof": 50},
                  {"name": "delta_theta", "type": "B", "distribution": "rectangular", "halfWidth": 0.05,
                   "sensitivity": -575.0071714, "dof": 2}
                 ]}""")
                .andExpect(status().isOk())
                .andExpect(near("$.combinedStandardUncertainty", 32, 0.5))
                .andExpect(near("$.effectiveDegreesOfFreedom", 16.7, 0.05))
                .andExpect(near("$.degreesOfFreedomUsed", 16, 1e-12))
                .andExpect(near("$.coverageFactor", 2.92, 0.005))
                .andExpect(near("$.expandedUncertainty", 92.5, 0.1))
                .andExpect(jsonPath("$.reported.expandedUncertainty").value(93))
                .andExpect(jsonPath("$.reported.coverageFactor").value(2.92))
                .andExpect(jsonPath("$.budget.length()").value(6))
                .andExpect(near("$.budget[0].standardUncertainty", 25, 1e-12))
                .andExpect(near("$.budget[0].dof", 18, 1e-12))
                .andExpect(jsonPath("$.budget[3].dof").isEmpty())
                .andExpect(near("$.budget[5].contribution", 16.6, 0.05))
                .andExpect(jsonPath("$.budget[5].distribution").value("rectangular"));
    }

    @Test
    void defaultsToKEqualsTwoWithInfiniteDegreesOfFreedomAndTypeAFromReadings() throws Exception {
        evaluate("""
                {"components": [
                  {"name": "repeatability", "type": "A", "values": [10.1, 10.3, 10.2, 10.4, 10.0]},
                  {"name": "resolution", "type": "B", "distribution": "u-shaped", "halfWidth": 0.01}
                ]}""")
                .andExpect(status().isOk())
                .andExpect(near("$.coverageProbability", 0.9545, 1e-12))
                .andExpect(near("$.budget[0].standardUncertainty", Math.sqrt(0.005), 1e-12))
                .andExpect(near("$.budget[0].dof", 4, 1e-12))
                .andExpect(jsonPath("$.budget[0].type").value("A"));
        evaluate("""
                {"components": [{"name": "ref", "type": "B", "standardUncertainty": 0.5}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effectiveDegreesOfFreedom").isEmpty())
                .andExpect(jsonPath("$.coverageFactor").value(2.0))
                .andExpect(jsonPath("$.expandedUncertainty").value(1.0));
    }

    @Test
    void correlatedInputsEnterTheCombinedUncertainty() throws Exception {
        evaluate("""
                {"components": [
                  {"name": "x1", "type": "B", "standardUncertainty": 1},
                  {"name": "x2", "type": "B", "standardUncertainty": 1, "sensitivity": -1}],
                 "correlations": [{"a": "x1", "b": "x2", "r": 0.8}]}""")
                .andExpect(status().isOk())
                .andExpect(near("$.combinedStandardUncertainty", Math.sqrt(0.4), 1e-12))
                .andExpect(jsonPath("$.correlated").value(true));
    }

    @Test
    void tooFewReadingsIsA400NamingTheComponentsValues() throws Exception {
        evaluate("""
                {"components": [
                  {"name": "a", "type": "B", "standardUncertainty": 1},
                  {"name": "b", "type": "B", "standardUncertainty": 1},
                  {"name": "c", "type": "A", "values": [1.0]}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("components[2].values"))
                .andExpect(jsonPath("$.errors[0].message", containsString("at least 2 readings")));
    }

    @Test
    void everyBadComponentIsNamedAtOnce() throws Exception {
        evaluate("""
                {"components": [
                  {"name": "neg", "type": "B", "distribution": "rectangular", "halfWidth": -1},
                  {"name": "odd", "type": "B", "distribution": "lognormal", "halfWidth": 1},
                  {"name": "c", "type": "C", "standardUncertainty": 1}],
                 "correlations": [{"a": "neg", "b": "odd", "r": 1.5}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("components[0].halfWidth"))
                .andExpect(jsonPath("$.errors[1].field").value("components[1].distribution"))
                .andExpect(jsonPath("$.errors[1].message", containsString("u-shaped")))
                .andExpect(jsonPath("$.errors[2].field").value("components[2].type"))
                .andExpect(jsonPath("$.errors[3].field").value("correlations[0].r"));
    }

    @Test
    void aCorrelationNamingAnUnknownComponentIsA400() throws Exception {
        evaluate("""
                {"components": [{"name": "a", "type": "B", "standardUncertainty": 1}],
                 "correlations": [{"a": "a", "b": "nobody", "r": 0.5}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("correlations[0].b"));
    }

    @Test
    void duplicateNamesAreA400() throws Exception {
        evaluate("""
                {"components": [{"name": "a", "type": "B", "standardUncertainty": 1},
                                {"name": "a", "type": "B", "standardUncertainty": 2}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("components[1].name"));
    }

    @Test
    void anInconsistentCorrelationMatrixIsA400NamingThePair() throws Exception {
        evaluate("""
                {"components": [{"name": "a", "type": "B", "standardUncertainty": 1},
                                {"name": "b", "type": "B", "standardUncertainty": 1},
                                {"name": "c", "type": "B", "standardUncertainty": 1}],
                 "correlations": [{"a": "a", "b": "b", "r": 0.9}, {"a": "b", "b": "c", "r": 0.9},
                                  {"a": "a", "b": "c", "r": -0.9}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("correlations[2].r"))
                .andExpect(jsonPath("$.errors[0].message", containsString("positive semi-definite")));
    }

    @Test
    void aNegativeStandardUncertaintyIsA400() throws Exception {
        evaluate("""
                {"components": [{"name": "a", "type": "B", "standardUncertainty": -0.1}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("components[0].standardUncertainty"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(post("/api/uncertainty/evaluate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"components\": []}"))
                .andExpect(status().isUnauthorized());
    }
}
