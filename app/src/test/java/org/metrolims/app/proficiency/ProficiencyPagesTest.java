package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.PAST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.proficiency.PtApiFixture.Dispatched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class ProficiencyPagesTest {

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

    /** A scored and reported round: T-LAB-A satisfactory (z 0.5), T-LAB-B questionable (z 2.5). */
    Dispatched reportedRound() throws Exception {
        Dispatched r = pt.dispatched(PAST);
        for (String[] lab : new String[][] {{r.codeA(), "10.05"}, {r.codeB(), "10.25"}}) {
            mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), lab[0]).with(PtApiFixture.OFFICER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":" + lab[1] + ",\"reason\":\"posted\"}")).andExpect(status().isCreated());
        }
        pt.move(r.round(), "CLOSED");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(PtApiFixture.OFFICER))
                .andExpect(status().isOk());
        pt.move(r.round(), "REPORTED");
        return r;
    }

    @Test
    void anOfficerSeesTheRoundWithLabNamesScoresAndTheZScoreChart() throws Exception {
        Dispatched r = reportedRound();

        String page = mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("T-LAB-A", "T-LAB-B", r.codeA(), r.codeB(), "<svg", "<rect",
                "questionable", "Scores");
        assertThat(mvc.perform(get("/pt/rounds").with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("href=\"/pt/rounds/" + r.round() + "\"");
    }

    @Test
    void rendersTheRoundPageInChinese() throws Exception {
        Dispatched r = reportedRound();

        assertThat(mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("参加实验室", "各实验室代码的 z 比分数", "可疑");
    }

    @Test
    void aLabSeesItsOwnRoundsAndScoresButNoOtherLabsName() throws Exception {
        Dispatched r = reportedRound();

        String page = mvc.perform(get("/pt/my").with(signedIn("test-lab-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(r.codeA(), "satisfactory").doesNotContain("T-LAB-B");
    }

    @Test
    void aLabSubmitsItsResultFromItsPage() throws Exception {
        Dispatched r = pt.dispatched(PtApiFixture.FUTURE);

        mvc.perform(post("/pt/my/rounds/{id}/results", r.round()).with(signedIn("test-lab-b")).with(csrf())
                        .param("value", "10.04").param("standardUncertainty", "0.01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("submittedRevision", 1));
        mvc.perform(post("/pt/my/rounds/{id}/results", r.round()).with(signedIn("test-lab-b")).with(csrf())
                        .param("value", "ten"))
                .andExpect(flash().attributeExists("refused"));
    }

    @Test
    void onlyOfficersSeeTheRoundPagesAndOnlyLabsTheLabPage() throws Exception {
        mvc.perform(get("/pt/rounds").with(signedIn("test-tech"))).andExpect(status().isForbidden());
        mvc.perform(get("/pt/rounds").with(signedIn("test-lab-a"))).andExpect(status().isForbidden());
        mvc.perform(get("/pt/my").with(signedIn("test-officer"))).andExpect(status().isForbidden());
    }
}
