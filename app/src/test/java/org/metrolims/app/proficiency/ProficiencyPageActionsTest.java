package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.FUTURE;
import static org.metrolims.app.proficiency.PtApiFixture.PAST;
import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_ITEM_MEASUREMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.metrolims.db.jooq.Tables.PT_SCHEME;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.proficiency.PtApiFixture.Dispatched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The officer's actions on the PT pages and the lab's application: each goes through the same services as the API,
 * redirects back to its page, and a refusal comes back as a message with nothing stored.
 */
@AppTest
class ProficiencyPageActionsTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    PtApiFixture pt;

    @BeforeEach
    void data() {
        pt = new PtApiFixture(mvc, dsl, encoder);
    }

    RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockHttpServletRequestBuilder officerPost(String url, Object... vars) {
        return post(url, vars).with(signedIn("test-officer")).with(csrf());
    }

    String page(String url, Object... vars) throws Exception {
        return mvc.perform(get(url, vars).with(signedIn("test-officer"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    String roundStatus(long round) {
        return dsl.select(PT_ROUND.STATUS).from(PT_ROUND).where(PT_ROUND.ID.eq(round)).fetchSingle().value1();
    }

    int enrolments(long round) {
        return dsl.fetchCount(PT_ENROLMENT, PT_ENROLMENT.ROUND_ID.eq(round));
    }

    MockHttpServletRequestBuilder schemeForm(String code) {
        return officerPost("/pt/schemes").param("code", code).param("nameZh", "量块").param("nameEn", "Gauge block")
                .param("disciplineCode", "PT-TEST").param("measurandZh", "中心长度")
                .param("measurandEn", "central length").param("unit", "mm").param("providerCode", "T-INST")
                .param("assignedValueMethod", "REFERENCE_VALUE").param("sigmaPtMethod", "FIXED")
                .param("scoreType", "Z");
    }

    @Test
    void anOfficerSetsUpASchemeAndSchedulesARoundFromThePlanner() throws Exception {
        String schemeCode = PtApiFixture.unique("PS");
        mvc.perform(schemeForm(schemeCode).param("sigmaPt", "0.1"))
                .andExpect(redirectedUrl("/pt/rounds")).andExpect(flash().attribute("done", "scheme"));
        long scheme = dsl.select(PT_SCHEME.ID).from(PT_SCHEME).where(PT_SCHEME.CODE.eq(schemeCode)).fetchSingle()
                .value1();
        assertThat(page("/pt/rounds")).contains("id=\"plan-round\"", "id=\"plan-scheme\"", schemeCode,
                "<option value=\"PT-TEST\"");

        String roundCode = PtApiFixture.unique("PR");
        String location = mvc.perform(officerPost("/pt/rounds").param("schemeId", String.valueOf(scheme))
                        .param("code", roundCode).param("enrolmentOpensOn", "2030-01-01")
                        .param("enrolmentClosesOn", "2030-01-10").param("dispatchOn", "2030-01-11")
                        .param("submissionDeadline", "2030-01-31T12:00").param("reportDueOn", "2030-02-28")
                        .param("referenceValue", "10.0").param("referenceUncertainty", "0.01"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "round"))
                .andReturn().getResponse().getRedirectedUrl();
        long round = dsl.select(PT_ROUND.ID).from(PT_ROUND).where(PT_ROUND.CODE.eq(roundCode)).fetchSingle().value1();

        assertThat(location).isEqualTo("/pt/rounds/" + round);
        assertThat(roundStatus(round)).isEqualTo("DRAFT");
        assertThat(dsl.select(PT_ROUND.SUBMISSION_DEADLINE).from(PT_ROUND).where(PT_ROUND.ID.eq(round))
                .fetchSingle().value1()).isEqualTo(java.time.Instant.parse("2030-01-31T12:00:00Z"));
    }

    @Test
    void aRefusedSchemeOrRoundShowsWhyAndStoresNothing() throws Exception {
        String schemeCode = PtApiFixture.unique("PS");
        mvc.perform(schemeForm(schemeCode)) // FIXED sigma_pt without a value
                .andExpect(redirectedUrl("/pt/rounds")).andExpect(flash().attribute("refused", "sigmaPt: is required"));
        assertThat(dsl.fetchExists(PT_SCHEME, PT_SCHEME.CODE.eq(schemeCode))).isFalse();

        long scheme = pt.referenceScheme("PT-TEST");
        String roundCode = PtApiFixture.unique("PR");
        mvc.perform(officerPost("/pt/rounds").param("schemeId", String.valueOf(scheme)).param("code", roundCode)
                        .param("enrolmentOpensOn", "2030-01-10").param("enrolmentClosesOn", "2030-01-01")
                        .param("dispatchOn", "2030-01-11").param("submissionDeadline", "2030-01-31T12:00")
                        .param("reportDueOn", "2030-02-28").param("referenceValue", "10.0")
                        .param("referenceUncertainty", "0.01"))
                .andExpect(redirectedUrl("/pt/rounds"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.startsWith("enrolmentClosesOn: ")));
        assertThat(dsl.fetchExists(PT_ROUND, PT_ROUND.CODE.eq(roundCode))).isFalse();

        // the message is shown on the page, not an error page
        assertThat(mvc.perform(get("/pt/rounds").with(signedIn("test-officer")).flashAttr("refused", "why not"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"pt-refused\"", "Not done: why not");
    }

    @Test
    void onlyAnOfficerActsOnTheRoundPages() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        for (String who : new String[] {"test-lab-a", "test-tech"}) {
            mvc.perform(post("/pt/schemes").with(signedIn(who)).with(csrf()).param("code", "X").param("nameZh", "x")
                    .param("nameEn", "x").param("disciplineCode", "PT-TEST").param("measurandZh", "x")
                    .param("measurandEn", "x").param("unit", "mm").param("providerCode", "T-INST")
                    .param("assignedValueMethod", "ALGORITHM_A").param("sigmaPtMethod", "ROBUST_SD")
                    .param("scoreType", "Z")).andExpect(status().isForbidden());
            mvc.perform(post("/pt/rounds/{id}/status", round).with(signedIn(who)).with(csrf())
                    .param("status", "OPEN")).andExpect(status().isForbidden());
            mvc.perform(post("/pt/rounds/{id}/enrolments", round).with(signedIn(who)).with(csrf())
                    .param("organizationCode", "T-LAB-A")).andExpect(status().isForbidden());
            mvc.perform(post("/pt/rounds/{id}/enrolments/{code}/decision", round, "X1").with(signedIn(who))
                    .with(csrf()).param("decision", "ENROLLED")).andExpect(status().isForbidden());
            mvc.perform(post("/pt/rounds/{id}/items", round).with(signedIn(who)).with(csrf())
                    .param("study", "HOMOGENEITY").param("measurements", "1,2\n3,4")).andExpect(status().isForbidden());
            mvc.perform(post("/pt/rounds/{id}/scoring", round).with(signedIn(who)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // and without the CSRF token even an officer is refused
        mvc.perform(post("/pt/rounds/{id}/status", round).with(signedIn("test-officer")).param("status", "OPEN"))
                .andExpect(status().isForbidden());
        assertThat(roundStatus(round)).isEqualTo("DRAFT");
        assertThat(enrolments(round)).isZero();
        // an officer may not apply as a lab
        mvc.perform(post("/pt/my/rounds/{id}/application", round).with(signedIn("test-officer")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficerOpensARoundAndEnrolsOnlyLabsWhoseScopeCoversTheDiscipline() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        assertThat(page("/pt/rounds/{id}", round)).contains("value=\"OPEN\"", "Open for enrolment");

        mvc.perform(officerPost("/pt/rounds/{id}/status", round).param("status", "OPEN"))
                .andExpect(redirectedUrl("/pt/rounds/" + round)).andExpect(flash().attribute("done", "status"));
        assertThat(roundStatus(round)).isEqualTo("OPEN");

        String open = page("/pt/rounds/{id}", round);
        assertThat(open).contains("id=\"enrol-lab\"", "<option value=\"T-LAB-A\"", "<option value=\"T-LAB-B\"")
                .doesNotContain("<option value=\"T-INST\"");

        mvc.perform(officerPost("/pt/rounds/{id}/enrolments", round).param("organizationCode", "T-LAB-A"))
                .andExpect(flash().attribute("done", "enrolled"));
        mvc.perform(officerPost("/pt/rounds/{id}/enrolments", round).param("organizationCode", "T-INST"))
                .andExpect(redirectedUrl("/pt/rounds/" + round))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("not accredited")));
        assertThat(enrolments(round)).isEqualTo(1);
        assertThat(page("/pt/rounds/{id}", round)).doesNotContain("<option value=\"T-LAB-A\"")
                .contains("<option value=\"T-LAB-B\"");

        // a skipped step is refused and changes nothing
        mvc.perform(officerPost("/pt/rounds/{id}/status", round).param("status", "CLOSED"))
                .andExpect(flash().attributeExists("refused"));
        assertThat(roundStatus(round)).isEqualTo("OPEN");
    }

    @Test
    void aLabAppliesFromItsPageAndAnOfficerDecides() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        long outside = pt.round(pt.referenceScheme("PT-OTHER"), FUTURE);
        pt.move(round, "OPEN");
        pt.move(outside, "OPEN");

        String my = mvc.perform(get("/pt/my").with(signedIn("test-lab-b"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(my).contains("/pt/my/rounds/" + round + "/application")
                .doesNotContain("/pt/my/rounds/" + outside + "/application");

        mvc.perform(post("/pt/my/rounds/{id}/application", round).with(signedIn("test-lab-b")).with(csrf()))
                .andExpect(redirectedUrl("/pt/my")).andExpect(flash().attribute("done", "applied"));
        mvc.perform(post("/pt/my/rounds/{id}/application", outside).with(signedIn("test-lab-b")).with(csrf()))
                .andExpect(redirectedUrl("/pt/my"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("not accredited")));
        assertThat(enrolments(outside)).isZero();

        String labCode = dsl.select(PT_ENROLMENT.LAB_CODE).from(PT_ENROLMENT).where(PT_ENROLMENT.ROUND_ID.eq(round))
                .fetchSingle().value1();
        // the application in words, not its code
        assertThat(page("/pt/rounds/{id}", round)).contains("/enrolments/" + labCode + "/decision", ">Applied<");

        mvc.perform(post("/pt/rounds/{id}/enrolments/{code}/decision", round, labCode).with(signedIn("test-lab-b"))
                .with(csrf()).param("decision", "ENROLLED")).andExpect(status().isForbidden());
        mvc.perform(officerPost("/pt/rounds/{id}/enrolments/{code}/decision", round, labCode)
                        .param("decision", "ENROLLED").param("reason", "in scope"))
                .andExpect(redirectedUrl("/pt/rounds/" + round)).andExpect(flash().attribute("done", "decided"));
        assertThat(dsl.select(PT_ENROLMENT.STATUS).from(PT_ENROLMENT).where(PT_ENROLMENT.ROUND_ID.eq(round))
                .fetchSingle().value1()).isEqualTo("ENROLLED");

        // deciding again is refused: it is no longer an open application
        mvc.perform(officerPost("/pt/rounds/{id}/enrolments/{code}/decision", round, labCode)
                        .param("decision", "REJECTED"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("not an open application")));
        assertThat(dsl.select(PT_ENROLMENT.STATUS).from(PT_ENROLMENT).where(PT_ENROLMENT.ROUND_ID.eq(round))
                .fetchSingle().value1()).isEqualTo("ENROLLED");
    }

    @Test
    void closingBeforeTheDeadlineAndScoringAnOpenRoundAreRefused() throws Exception {
        Dispatched r = pt.dispatched(FUTURE);

        mvc.perform(officerPost("/pt/rounds/{id}/status", r.round()).param("status", "CLOSED"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("has not passed")));
        mvc.perform(officerPost("/pt/rounds/{id}/scoring", r.round()))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("closed")));
        assertThat(roundStatus(r.round())).isEqualTo("DISPATCHED");
    }

    @Test
    void anOfficerRecordsItemsSeesTheVerdictsScoresAndIssuesTheReport() throws Exception {
        Dispatched r = pt.dispatched(PAST);
        for (String[] lab : new String[][] {{r.codeA(), "10.05"}, {r.codeB(), "10.25"}}) {
            mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), lab[0]).with(PtApiFixture.OFFICER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":" + lab[1] + ",\"reason\":\"posted\"}")).andExpect(status().isCreated());
        }
        mvc.perform(officerPost("/pt/rounds/{id}/status", r.round()).param("status", "CLOSED"))
                .andExpect(flash().attribute("done", "status"));

        // bad lines are refused and nothing is stored
        mvc.perform(officerPost("/pt/rounds/{id}/items", r.round()).param("study", "HOMOGENEITY")
                        .param("measurements", "10.01,10.02\n10.00,abc"))
                .andExpect(flash().attribute("refused", "measurements: line 2: 'abc' is not a number"));
        assertThat(dsl.fetchCount(PT_ITEM_MEASUREMENT, PT_ITEM_MEASUREMENT.ROUND_ID.eq(r.round()))).isZero();

        mvc.perform(officerPost("/pt/rounds/{id}/items", r.round()).param("study", "HOMOGENEITY")
                        .param("measurements", """
                                10.01,10.02
                                10.00, 10.01

                                10.02,10.02
                                9.99,10.00
                                10.01,10.00
                                """))
                .andExpect(redirectedUrl("/pt/rounds/" + r.round())).andExpect(flash().attribute("done", "items"));
        assertThat(dsl.fetchCount(PT_ITEM_MEASUREMENT, PT_ITEM_MEASUREMENT.ROUND_ID.eq(r.round()))).isEqualTo(10);

        String closed = page("/pt/rounds/{id}", r.round());
        assertThat(closed).contains("id=\"verdicts-before-scoring\"", "meets the criterion", "Score the round",
                "id=\"histogram\"").doesNotContain("marker-assigned"); // x_pt not known before scoring

        mvc.perform(officerPost("/pt/rounds/{id}/scoring", r.round()))
                .andExpect(redirectedUrl("/pt/rounds/" + r.round())).andExpect(flash().attribute("done", "scored"));
        assertThat(roundStatus(r.round())).isEqualTo("SCORED");
        assertThat(page("/pt/rounds/{id}", r.round())).contains("marker-assigned", "Issue the report", "<svg")
                .doesNotContain("id=\"record-items\"");

        mvc.perform(officerPost("/pt/rounds/{id}/status", r.round()).param("status", "REPORTED")
                        .param("password", "wrong password here"))
                .andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("password")));
        assertThat(roundStatus(r.round())).isEqualTo("SCORED");
        mvc.perform(officerPost("/pt/rounds/{id}/status", r.round()).param("status", "REPORTED")
                        .param("password", org.metrolims.app.TestAccounts.PASSWORD))
                .andExpect(flash().attribute("done", "status"));
        assertThat(roundStatus(r.round())).isEqualTo("REPORTED");
        assertThat(page("/pt/rounds/{id}", r.round())).doesNotContain("id=\"next-step\"");
    }

    @Test
    void aDateThatIsNotOneIsRefusedNamingItsFieldInTheOfficersLanguageAndNoRoundIsStored() throws Exception {
        long scheme = pt.referenceScheme("PT-TEST");
        for (String[] lang : new String[][] {{"en", "dispatchOn: is not a date (yyyy-mm-dd)"},
                {"zh-CN", "dispatchOn: 不是日期（yyyy-mm-dd）"}}) {
            String roundCode = PtApiFixture.unique("PR");
            mvc.perform(officerPost("/pt/rounds").param("lang", lang[0]).param("schemeId", String.valueOf(scheme))
                            .param("code", roundCode).param("enrolmentOpensOn", "2030-01-01")
                            .param("enrolmentClosesOn", "2030-01-10").param("dispatchOn", "11.01.2030")
                            .param("submissionDeadline", "2030-01-31T12:00").param("reportDueOn", "2030-02-28"))
                    .andExpect(redirectedUrl("/pt/rounds")).andExpect(flash().attribute("refused", lang[1]));
            assertThat(dsl.fetchExists(PT_ROUND, PT_ROUND.CODE.eq(roundCode))).isFalse();
        }
    }

    @Test
    void aMissingDateIsRequiredAndAChoiceNotOfferedIsRefusedWithoutAJavaName() throws Exception {
        long scheme = pt.referenceScheme("PT-TEST");
        String roundCode = PtApiFixture.unique("PR");
        mvc.perform(officerPost("/pt/rounds").param("schemeId", String.valueOf(scheme)).param("code", roundCode)
                        .param("enrolmentOpensOn", "2030-01-01").param("enrolmentClosesOn", "2030-01-10")
                        .param("dispatchOn", "2030-01-11").param("reportDueOn", "2030-02-28"))
                .andExpect(flash().attribute("refused", "submissionDeadline: is required"));
        assertThat(dsl.fetchExists(PT_ROUND, PT_ROUND.CODE.eq(roundCode))).isFalse();
        String schemeCode = PtApiFixture.unique("PS");
        mvc.perform(officerPost("/pt/schemes").param("lang", "zh-CN").param("code", schemeCode)
                        .param("nameZh", "量块").param("nameEn", "Gauge block").param("disciplineCode", "PT-TEST")
                        .param("measurandZh", "中心长度").param("measurandEn", "central length").param("unit", "mm")
                        .param("providerCode", "T-INST").param("assignedValueMethod", "REFERENCE_VALUE")
                        .param("sigmaPtMethod", "FIXED").param("sigmaPt", "0.1").param("scoreType", "Q"))
                .andExpect(flash().attribute("refused", "scoreType: 不是有效的选项"));
        assertThat(dsl.fetchExists(PT_SCHEME, PT_SCHEME.CODE.eq(schemeCode))).isFalse();
    }
}
