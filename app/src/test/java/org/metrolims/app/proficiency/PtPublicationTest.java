package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.OFFICER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.ELECTRONIC_SIGNATURE;
import static org.metrolims.db.jooq.Tables.PT_ROUND;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.db.identity.Meaning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Publishing a round's scores is a signature with meaning PUBLISHED over the scores. */
@AppTest
class PtPublicationTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired PtPublication publication;

    @Test
    void publishingNeedsTheOfficersPasswordAndIsSignedOverTheScores() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = pt.dispatched(PtApiFixture.PAST);
        for (var lab : new String[][] {{r.codeA(), "10.05"}, {r.codeB(), "10.25"}}) {
            mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), lab[0]).with(OFFICER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"value\":" + lab[1] + ",\"reason\":\"courier delay\"}")).andExpect(status().isCreated());
        }
        pt.move(r.round(), "CLOSED");
        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(OFFICER)).andExpect(status().isOk());

        mvc.perform(post("/api/pt/rounds/{id}/status", r.round()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"REPORTED\",\"password\":\"guessed-password\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(dsl.select(PT_ROUND.STATUS).from(PT_ROUND).where(PT_ROUND.ID.eq(r.round())).fetchSingle().value1())
                .isEqualTo("SCORED");
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNATURE_REFUSED")
                .and(AUDIT_EVENT.ENTITY_TYPE.eq("pt-round")).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(r.round())))))
                .isTrue();

        mvc.perform(post("/api/pt/rounds/{id}/status", r.round()).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"REPORTED\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REPORTED"));
        var signatures = publication.signatures(r.round());
        assertThat(signatures).hasSize(1);
        assertThat(signatures.getFirst().signature().meaning()).isEqualTo(Meaning.PUBLISHED);
        assertThat(signatures.getFirst().signature().signerUsername()).isEqualTo("test-officer");
        assertThat(signatures.getFirst().contentChanged()).isFalse();
        assertThat(dsl.fetchCount(ELECTRONIC_SIGNATURE, ELECTRONIC_SIGNATURE.RECORD_TYPE.eq("pt-round")
                .and(ELECTRONIC_SIGNATURE.RECORD_ID.eq(Long.toString(r.round()))))).isEqualTo(1);
    }
}
