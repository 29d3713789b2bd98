package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.metrolims.db.jooq.Tables.PT_SCORE;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.reports.pt.PtContent;
import org.metrolims.reports.pt.PtDocumentKind;
import org.metrolims.reports.pt.PtDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo province has two published PT rounds of one scheme with lab1's organization in both: the newest round's
 * report and lab1's letter (with its record over both rounds) render. Same context as the certificate demo test.
 */
@SpringBootTest(properties = {"lims.demo.enabled=true", "lims.demo.scale=0.02"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class PtReportDemoTest {

    @Autowired DSLContext dsl;
    @Autowired PtReports reports;
    @Autowired UserDetailsService users;

    @Test
    void theDemoHasPublishedRoundsWhoseReportAndLab1sLetterRender() throws IOException {
        var reported = dsl.select(PT_ROUND.ID, PT_ROUND.CODE).from(PT_ROUND).where(PT_ROUND.STATUS.eq("REPORTED"))
                .orderBy(PT_ROUND.ID).fetch();
        assertThat(reported).hasSize(2);
        long latest = reported.get(1).value1();
        assertThat(dsl.fetchCount(PT_ENROLMENT, PT_ENROLMENT.ROUND_ID.eq(latest))).isBetween(3, 12);
        assertThat(dsl.fetchCount(PT_SCORE, PT_SCORE.ROUND_ID.eq(latest)))
                .isEqualTo(dsl.fetchCount(PT_ENROLMENT, PT_ENROLMENT.ROUND_ID.eq(latest)));

        MetroLimsUser lab1 = (MetroLimsUser) users.loadUserByUsername("lab1");
        MetroLimsUser officer = (MetroLimsUser) users.loadUserByUsername("officer");
        String report = text(reports.report(officer, latest, null).bytes());
        assertThat(report).contains("能力验证结果报告", reported.get(1).value2(), "Sufficiently homogeneous",
                "稳定 Stable", "可疑 Questionable", "不满意 Unsatisfactory");
        assertThat(report).doesNotContain(lab1.organizationCode());

        String letter = text(reports.ownLetter(lab1, latest, null).bytes());
        assertThat(letter).contains("能力验证结果通知书", reported.get(0).value2(), reported.get(1).value2());
    }

    @Test
    void theDemosPtDocumentsAreIssuedAtThePublicationDateAndRenderAgainToTheSameBytes() {
        var round = dsl.select(PT_ROUND.ID, PT_ROUND.SUBMISSION_DEADLINE).from(PT_ROUND)
                .where(PT_ROUND.STATUS.eq("REPORTED")).orderBy(PT_ROUND.ID.desc()).limit(1).fetchSingle();
        var stored = documents.find(rounds.get(round.value1()), PtDocumentKind.REPORT, null, null).orElseThrow();
        java.time.Instant published = round.value2().plusSeconds(12 * 86_400);
        assertThat(stored.issuedAt()).as("the demo's own date, not the load's").isEqualTo(published);

        byte[] again = templates.report(content.round(rounds.get(round.value1())),
                org.metrolims.reports.pt.PtIssue.first(published, content.zone()));
        assertThat(again).as("a reload of the demo issues the same bytes").isEqualTo(documents.pdf(stored));
        assertThat(org.metrolims.app.signature.ElectronicSignatures.sha256(again)).isEqualTo(stored.sha256());
    }

    @Test
    void myPtShowsExactlyTheScoreLab1sSignedLetterStates() throws Exception {
        long latest = dsl.select(PT_ROUND.ID).from(PT_ROUND).where(PT_ROUND.STATUS.eq("REPORTED"))
                .orderBy(PT_ROUND.ID.desc()).limit(1).fetchSingle().value1();
        MetroLimsUser lab1 = (MetroLimsUser) users.loadUserByUsername("lab1");
        // the letter as issued: one score per round of the scheme, "z′ = -1.49" (type and two decimals)
        java.util.regex.Pattern score = java.util.regex.Pattern.compile("(z′|z|ζ|En) = (-?\\d+\\.\\d{2})(?!\\d)");
        java.util.List<String> inLetter = new java.util.ArrayList<>();
        java.util.regex.Matcher m = score.matcher(text(reports.ownLetter(lab1, latest, null).bytes()));
        while (m.find()) {
            inLetter.add(m.group());
        }
        // the letter's last rows are the lab's record in the scheme, one score per published round, oldest first
        assertThat(inLetter.size()).isGreaterThanOrEqualTo(2);
        java.util.List<String> record = inLetter.subList(inLetter.size() - 2, inLetter.size());

        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/pt/my")
                        .param("lang", "en").with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user(lab1)))
                .andReturn().getResponse().getContentAsString();
        String scores = page.substring(page.indexOf("id=\"my-scores\""));
        java.util.List<String> onPage = new java.util.ArrayList<>();
        java.util.regex.Matcher p = score.matcher(scores);
        while (p.find()) {
            onPage.add(p.group());
        }
        assertThat(onPage).as("My PT shows the letter's scores, same type, same rounding").isEqualTo(record);
    }

    @Autowired org.springframework.web.context.WebApplicationContext context;
    @Autowired PtDocuments documents;
    @Autowired PtContent content;
    @Autowired org.metrolims.reports.pt.PtReportTemplates templates;
    @Autowired org.metrolims.proficiency.round.ProficiencyRounds rounds;

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
