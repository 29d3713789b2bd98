package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.PAST;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.proficiency.PtApiFixture.Dispatched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The officer's round page and the lab's PT page link the PT documents, which download in the signed-in session. */
@AppTest
class PtReportPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    private RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theRoundPageAndTheLabsPageLinkTheReportAndLettersOnceThereAreScores() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        Dispatched r = pt.dispatched(PAST);
        for (String[] lab : new String[][] {{r.codeA(), "10.05"}, {r.codeB(), "10.25"}}) {
            mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), lab[0]).with(PtApiFixture.OFFICER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":" + lab[1] + ",\"reason\":\"posted\"}")).andExpect(status().isCreated());
        }
        pt.move(r.round(), "CLOSED");
        String before = mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).doesNotContain("/report.pdf");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(PtApiFixture.OFFICER))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/pt/rounds/" + r.round() + "/report.pdf",
                "/pt/rounds/" + r.round() + "/letters/" + r.codeA() + ".pdf",
                "/pt/rounds/" + r.round() + "/letters/" + r.codeB() + ".pdf");
        mvc.perform(get("/pt/rounds/{id}/report.pdf", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        String lab = mvc.perform(get("/pt/my").with(signedIn("test-lab-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(lab).doesNotContain("/pt/my/rounds/" + r.round() + "/letter.pdf");

        pt.move(r.round(), "REPORTED");
        lab = mvc.perform(get("/pt/my").with(signedIn("test-lab-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(lab).contains("/pt/my/rounds/" + r.round() + "/letter.pdf",
                "/pt/my/rounds/" + r.round() + "/report.pdf");
        mvc.perform(get("/pt/my/rounds/{id}/letter.pdf", r.round()).with(signedIn("test-lab-a")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/pt/my/rounds/{id}/letter.pdf", r.round()).with(signedIn("test-lab-b")))
                .andExpect(status().isOk());
    }

    @Test
    void aPublishedRoundsPageListsItsIssuedDocumentsAndLinksTheLettersZipAndTheLabsPageItsOwn() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        Dispatched r = pt.scored();
        String scored = mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(scored).doesNotContain("/letters.zip");

        pt.move(r.round(), "REPORTED");
        String page = mvc.perform(get("/pt/rounds/{id}", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String reportSha = dsl.select(org.metrolims.db.jooq.Tables.PT_DOCUMENT.SHA256)
                .from(org.metrolims.db.jooq.Tables.PT_DOCUMENT)
                .where(org.metrolims.db.jooq.Tables.PT_DOCUMENT.ROUND_ID.eq(r.round())
                        .and(org.metrolims.db.jooq.Tables.PT_DOCUMENT.KIND.eq("REPORT"))).fetchSingle().value1();
        assertThat(page).contains("/pt/rounds/" + r.round() + "/letters.zip", reportSha);
        mvc.perform(get("/pt/rounds/{id}/letters.zip", r.round()).with(signedIn("test-officer")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"));

        String lab = mvc.perform(get("/pt/my").with(signedIn("test-lab-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(lab).contains("/pt/my/letters.zip");
        mvc.perform(get("/pt/my/letters.zip").param("scheme", "").param("from", "").param("to", "")
                        .with(signedIn("test-lab-a")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"));
    }
}
