package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_A;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_B;
import static org.metrolims.app.proficiency.PtApiFixture.OFFICER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.PT_DOCUMENT;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.signature.ElectronicSignatures;
import org.metrolims.reports.pt.PtDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * PT documents stored as issued: issued once at publication, served byte for byte with their SHA-256, revised
 * without overwriting, backfilled for a round published before they were stored, and zipped per round (officers)
 * or per lab (its own letters only).
 */
@AppTest
class PtDocumentsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired PtDocuments documents;

    /** A scored round: lab A 10.05 mm, lab B 10.25 mm against x_pt 10 mm, sigma_pt 0.1 mm. */
    private PtApiFixture.Dispatched scoredRound() throws Exception {
        return new PtApiFixture(mvc, dsl, encoder).scored();
    }

    private PtApiFixture.Dispatched publishedRound() throws Exception {
        PtApiFixture.Dispatched r = scoredRound();
        new PtApiFixture(mvc, dsl, encoder).move(r.round(), "REPORTED");
        return r;
    }

    @Test
    void publishingIssuesTheReportAndEveryLetterOnceAndDownloadsServeTheStoredBytesAndHash() throws Exception {
        PtApiFixture.Dispatched r = publishedRound();
        var rows = dsl.selectFrom(PT_DOCUMENT).where(PT_DOCUMENT.ROUND_ID.eq(r.round()))
                .orderBy(PT_DOCUMENT.KIND.desc(), PT_DOCUMENT.LAB_CODE).fetch();
        assertThat(rows).extracting(d -> d.getKind()).containsExactly("REPORT", "LETTER", "LETTER");
        assertThat(rows).extracting(d -> d.getRevision()).containsOnly(1);
        assertThat(rows).extracting(d -> d.getStatus()).containsOnly("VALID");
        assertThat(rows.get(1).getLabCode()).isNotEqualTo(rows.get(2).getLabCode());

        MockHttpServletResponse first = fetch(get("/api/pt/rounds/{id}/report.pdf", r.round()), OFFICER);
        MockHttpServletResponse second = fetch(get("/api/pt/rounds/{id}/report.pdf", r.round()), LAB_A);
        String stored = rows.get(0).getSha256();
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray())
                .isEqualTo(rows.get(0).getPdf());
        assertThat(ElectronicSignatures.sha256(first.getContentAsByteArray())).isEqualTo(stored);
        assertThat(first.getHeader("X-Content-SHA256")).isEqualTo(stored);
        assertThat(first.getHeader("X-Document-Revision")).isEqualTo("1");

        byte[] own = fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_A).getContentAsByteArray();
        byte[] byOfficer = fetch(get("/api/pt/rounds/{id}/letters/{code}.pdf", r.round(), r.codeA()), OFFICER)
                .getContentAsByteArray();
        assertThat(own).isEqualTo(byOfficer);
        assertThat(text(own)).contains("T-LAB-A", r.codeA()).doesNotContain(r.codeB());

        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq(PtDocuments.ENTITY)
                .and(AUDIT_EVENT.ENTITY_ID.like(r.round() + "/%")).and(AUDIT_EVENT.ACTION.eq("ISSUE")))).isEqualTo(3);
    }

    @Test
    void aCorrectionIssuesRevisionTwoOfEveryDocumentAndKeepsRevisionOneAsIssued() throws Exception {
        PtApiFixture.Dispatched r = publishedRound();
        Map<Long, String> before = new LinkedHashMap<>();
        dsl.selectFrom(PT_DOCUMENT).where(PT_DOCUMENT.ROUND_ID.eq(r.round()))
                .forEach(d -> before.put(d.getId(), d.getSha256()));
        long officer = dsl.select(org.metrolims.db.jooq.Tables.APP_USER.ID).from(org.metrolims.db.jooq.Tables.APP_USER)
                .where(org.metrolims.db.jooq.Tables.APP_USER.USERNAME.eq("test-officer")).fetchSingle().value1();

        documents.reissue(r.round(), new PtDocuments.Issuer(officer, "test-officer"),
                Instant.parse("2026-11-20T02:00:00Z"), "lab B's result was transcribed wrongly");

        var all = dsl.selectFrom(PT_DOCUMENT).where(PT_DOCUMENT.ROUND_ID.eq(r.round())).orderBy(PT_DOCUMENT.ID).fetch();
        assertThat(all).hasSize(6);
        for (var d : all) {
            if (before.containsKey(d.getId())) {
                assertThat(d.getStatus()).isEqualTo("SUPERSEDED");
                assertThat(d.getSha256()).as("revision 1 is kept as issued").isEqualTo(before.get(d.getId()));
                assertThat(ElectronicSignatures.sha256(d.getPdf())).isEqualTo(d.getSha256());
            } else {
                assertThat(d.getStatus()).isEqualTo("VALID");
                assertThat(d.getRevision()).isEqualTo(2);
                assertThat(before).containsKey(d.getSupersedesId());
            }
        }
        var firstReport = dsl.selectFrom(PT_DOCUMENT).where(PT_DOCUMENT.ROUND_ID.eq(r.round())
                .and(PT_DOCUMENT.KIND.eq("REPORT")).and(PT_DOCUMENT.REVISION.eq(1))).fetchSingle();
        MockHttpServletResponse old = fetch(get("/api/pt/rounds/{id}/report.pdf", r.round()).param("revision", "1"),
                LAB_A);
        assertThat(old.getContentAsByteArray()).as("a superseded revision stays downloadable, as issued")
                .isEqualTo(firstReport.getPdf());
        assertThat(old.getHeader("X-Content-SHA256")).isEqualTo(before.get(firstReport.getId()));
        mvc.perform(get("/api/pt/rounds/{id}/report.pdf", r.round()).param("revision", "9").with(OFFICER))
                .andExpect(status().isNotFound());
        MockHttpServletResponse letter = fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_B);
        assertThat(letter.getHeader("X-Document-Revision")).isEqualTo("2");
        assertThat(text(letter.getContentAsByteArray())).contains("2026-11-20", "Revision 2, replaces revision 1",
                "lab B's result was transcribed wrongly");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq(PtDocuments.ENTITY)
                .and(AUDIT_EVENT.ENTITY_ID.like(r.round() + "/%")).and(AUDIT_EVENT.ACTION.in("SUPERSEDE", "REISSUE"))))
                .isEqualTo(6);
    }

    @Test
    void anOfficerRepublishesWithAReasonAndPasswordAndARefusedSignatureChangesNothing() throws Exception {
        PtApiFixture.Dispatched r = publishedRound();
        mvc.perform(post("/api/pt/rounds/{id}/documents/revisions", r.round()).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"typo\",\"password\":\"wrong\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/pt/rounds/{id}/documents/revisions", r.round()).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + org.metrolims.app.TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(dsl.fetchCount(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(r.round()))).isEqualTo(3);

        mvc.perform(post("/api/pt/rounds/{id}/documents/revisions", r.round()).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"scheme name corrected\",\"password\":\""
                                + org.metrolims.app.TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].kind").value("REPORT"))
                .andExpect(jsonPath("$[0].revision").value(2))
                .andExpect(jsonPath("$[1].labCode").exists());
        assertThat(dsl.fetchCount(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(r.round())
                .and(PT_DOCUMENT.STATUS.eq("SUPERSEDED")))).isEqualTo(3);

        PtApiFixture.Dispatched unpublished = scoredRound();
        mvc.perform(post("/api/pt/rounds/{id}/documents/revisions", unpublished.round()).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\",\"password\":\"x\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NOT_REPORTED"));
    }

    @Test
    void aRoundPublishedBeforeDocumentsWereStoredGetsThemOnTheFirstRequestOnce() throws Exception {
        PtApiFixture.Dispatched r = scoredRound();
        // as data from before this change: REPORTED with no documents
        dsl.update(PT_ROUND).set(PT_ROUND.STATUS, "REPORTED").where(PT_ROUND.ID.eq(r.round())).execute();
        assertThat(dsl.fetchCount(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(r.round()))).isZero();

        byte[] first = fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_A).getContentAsByteArray();
        assertThat(dsl.fetchCount(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(r.round()))).isEqualTo(3);
        byte[] again = fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_A).getContentAsByteArray();
        assertThat(again).isEqualTo(first);
        assertThat(dsl.fetchCount(PT_DOCUMENT, PT_DOCUMENT.ROUND_ID.eq(r.round()))).isEqualTo(3);
    }

    @Test
    void anOfficerZipsEveryLetterOfARoundNamedByRoundAndLabCodeNeverByName() throws Exception {
        PtApiFixture.Dispatched r = publishedRound();
        String code = dsl.select(PT_ROUND.CODE).from(PT_ROUND).where(PT_ROUND.ID.eq(r.round())).fetchSingle().value1();
        MockHttpServletResponse response = fetch(get("/api/pt/rounds/{id}/letters.zip", r.round()), OFFICER);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = unzip(response.getContentAsByteArray());
        assertThat(entries.keySet()).containsExactlyInAnyOrder("pt-letter-" + code + "-" + r.codeA() + ".pdf",
                "pt-letter-" + code + "-" + r.codeB() + ".pdf");
        assertThat(entries.get("pt-letter-" + code + "-" + r.codeA() + ".pdf")).isEqualTo(
                fetch(get("/api/pt/my/rounds/{id}/letter.pdf", r.round()), LAB_A).getContentAsByteArray());

        mvc.perform(get("/api/pt/rounds/{id}/letters.zip", r.round()).with(LAB_A)).andExpect(status().isForbidden());
        PtApiFixture.Dispatched unpublished = scoredRound();
        mvc.perform(get("/api/pt/rounds/{id}/letters.zip", unpublished.round()).with(OFFICER))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NOT_REPORTED"));
    }

    @Test
    void aLabZipsOnlyItsOwnLettersFilteredBySchemeAndIssueDate() throws Exception {
        PtApiFixture.Dispatched r = publishedRound();
        String code = dsl.select(PT_ROUND.CODE).from(PT_ROUND).where(PT_ROUND.ID.eq(r.round())).fetchSingle().value1();
        Map<String, byte[]> own = unzip(fetch(get("/api/pt/my/letters.zip"), LAB_A).getContentAsByteArray());
        assertThat(own).containsKey("pt-letter-" + code + "-" + r.codeA() + ".pdf");
        // lab codes are drawn per round, so lab A may carry in another round the code lab B has in this one: the
        // names are checked for this round's letter of B and for lab names, and each letter's text for its lab
        assertThat(own).doesNotContainKey("pt-letter-" + code + "-" + r.codeB() + ".pdf");
        assertThat(own.keySet()).noneMatch(name -> name.contains("T-LAB"));
        for (byte[] pdf : own.values()) {
            assertThat(text(pdf)).contains("T-LAB-A").doesNotContain("T-LAB-B");
        }
        Map<String, byte[]> ofB = unzip(fetch(get("/api/pt/my/letters.zip"), LAB_B).getContentAsByteArray());
        assertThat(ofB).containsKey("pt-letter-" + code + "-" + r.codeB() + ".pdf")
                .doesNotContainKey("pt-letter-" + code + "-" + r.codeA() + ".pdf");

        assertThat(unzip(fetch(get("/api/pt/my/letters.zip").param("scheme", "NO-SUCH-SCHEME"), LAB_A)
                .getContentAsByteArray())).isEmpty();
        assertThat(unzip(fetch(get("/api/pt/my/letters.zip").param("from", "2999-01-01"), LAB_A)
                .getContentAsByteArray())).isEmpty();
        assertThat(unzip(fetch(get("/api/pt/my/letters.zip").param("to", "2000-01-01"), LAB_A)
                .getContentAsByteArray())).isEmpty();
        mvc.perform(get("/api/pt/my/letters.zip").param("from", "2026-02-01").param("to", "2026-01-01").with(LAB_A))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/pt/my/letters.zip").with(OFFICER)).andExpect(status().isForbidden());
    }

    private MockHttpServletResponse fetch(MockHttpServletRequestBuilder request, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
