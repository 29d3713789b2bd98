package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_A;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_B;
import static org.metrolims.app.proficiency.PtApiFixture.OFFICER;
import static org.metrolims.app.proficiency.PtApiFixture.TECH;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The PT final report and letters as PDFs, read back: codes not names, the assigned value and z-scores as printed,
 * Chinese text, page numbers, embedded fonts; who may fetch which document when.
 */
@AppTest
class PtReportApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    /** A scored round (x_pt 10 mm, sigma_pt 0.1 mm): lab A 10.05 mm (z = 0.50), lab B 10.25 mm (z = 2.50). */
    private PtApiFixture.Dispatched scoredRound(PtApiFixture pt) throws Exception {
        return pt.scored();
    }

    @Test
    void officersReportListsLabCodesWithScoresButNoLabNames() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = scoredRound(pt);
        byte[] pdf = fetch(get("/api/pt/rounds/{id}/report.pdf", r.round()), OFFICER);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("能力验证结果报告", "PROFICIENCY TESTING FINAL REPORT", r.codeA(), r.codeB(),
                    "10.000 mm", "0.1000 mm", "量块", "Gauge block", "10.050", "0.50", "10.250", "2.50",
                    "可疑 Questionable", "满意 Satisfactory", "第 1 页 Page 1 / " + doc.getNumberOfPages());
            assertThat(text).doesNotContain("T-LAB-A", "T-LAB-B");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void labsGetTheReportAndTheirOwnLetterOnlyOncePublished() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = scoredRound(pt);
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", r.round()).with(LAB_A))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_REPORTED"));
        mvc.perform(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()).with(LAB_A)).andExpect(status().isNotFound());

        pt.move(r.round(), "REPORTED");
        String report = text(fetch(get("/api/pt/rounds/{id}/report.pdf", r.round()), LAB_A));
        assertThat(report).contains(r.codeA(), r.codeB()).doesNotContain("T-LAB-A", "T-LAB-B");

        String letter = text(fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_A));
        assertThat(letter).contains("能力验证结果通知书", "T-LAB-A", r.codeA(), "10.050 mm", "z = 0.50",
                "满意 Satisfactory", "本轮 this round").doesNotContain(r.codeB(), "T-LAB-B");
        assertThat(text(fetch(get("/api/pt/rounds/{id}/letters/{code}.pdf", r.round(), r.codeA()), LAB_A)))
                .contains(r.codeA()).doesNotContain(r.codeB());

        String letterB = text(fetch(get("/api/pt/rounds/{id}/letters/{code}.pdf", r.round(), r.codeB()), OFFICER));
        assertThat(letterB).contains("T-LAB-B", r.codeB(), "z = 2.50", "可疑 Questionable").doesNotContain(r.codeA());
    }

    @Test
    void aLabGets404ForAnotherLabsLetterAndForARoundItIsNotIn() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = scoredRound(pt);
        pt.move(r.round(), "REPORTED");
        mvc.perform(get("/api/pt/rounds/{id}/letters/{code}.pdf", r.round(), r.codeB()).with(LAB_A))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        long other = pt.round(pt.referenceScheme("PT-TEST"), PtApiFixture.PAST);
        pt.move(other, "OPEN");
        String code = pt.enrol(other, "T-LAB-A")[0];
        pt.move(other, "DISPATCHED");
        mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", other, code).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":10.01,\"reason\":\"late\"}"))
                .andExpect(status().isCreated());
        pt.move(other, "CLOSED");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", other).with(OFFICER)).andExpect(status().isOk());
        pt.move(other, "REPORTED");
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", other).with(LAB_B)).andExpect(status().isNotFound());
        mvc.perform(get("/api/pt/my/rounds/{id}/letter.pdf", other).with(LAB_B)).andExpect(status().isNotFound());
        mvc.perform(get("/api/pt/rounds/{id}/letters/{code}.pdf", other, code).with(LAB_B))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", other).with(TECH)).andExpect(status().isForbidden());
    }

    @Test
    void aLabWhoseApplicationWasNeverGrantedGets404() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        long round = pt.round(pt.referenceScheme("PT-TEST"), PtApiFixture.PAST);
        pt.move(round, "OPEN");
        String code = pt.enrol(round, "T-LAB-A")[0];
        mvc.perform(post("/api/pt/rounds/{id}/enrolments", round).with(LAB_B)).andExpect(status().isCreated());
        pt.move(round, "DISPATCHED");
        mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", round, code).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":10.01,\"reason\":\"late\"}"))
                .andExpect(status().isCreated());
        pt.move(round, "CLOSED");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", round).with(OFFICER)).andExpect(status().isOk());
        pt.move(round, "REPORTED");
        fetch(get("/api/pt/rounds/{id}/report.pdf", round), LAB_A);
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", round).with(LAB_B)).andExpect(status().isNotFound());
        mvc.perform(get("/api/pt/my/rounds/{id}/letter.pdf", round).with(LAB_B)).andExpect(status().isNotFound());
    }

    @Test
    void aRoundNotScoredHasNoReportYet() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = pt.dispatched(PtApiFixture.FUTURE);
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", r.round()).with(OFFICER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NOT_SCORED"));
        mvc.perform(get("/api/pt/rounds/{id}/letters/{code}.pdf", r.round(), "NO-SUCH").with(OFFICER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", 987_654_321L).with(OFFICER))
                .andExpect(status().isNotFound());
    }

    private byte[] fetch(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
