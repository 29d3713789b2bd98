package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.LAB_A;
import static org.metrolims.app.calibration.CalibrationApiFixture.LAB_B;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH_2;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** Approving a calibration is a Part 11-style electronic signature bound to the record's content. */
@AppTest
class CalibrationSignatureTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    @Test
    void aWrongPasswordRefusesTheApprovalLeavesTheRecordSubmittedAndIsAudited() throws Exception {
        long id = submitted();
        mvc.perform(post("/api/calibrations/{id}/approve", id).with(TECH_2).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"password\":\"not-my-password\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/calibrations/{id}/approve", id).with(TECH_2).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/calibrations/{id}", id).with(TECH_2)).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(get("/api/calibrations/{id}/signatures", id).with(TECH_2)).andExpect(jsonPath("$.length()").value(0));
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNATURE_REFUSED")
                .and(AUDIT_EVENT.ENTITY_TYPE.eq("calibration")).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id)))))
                .isEqualTo(2);
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("APPROVE")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))).isFalse();
    }

    @Test
    void anApprovalWithThePasswordKeepsWhoWhenAndMeaningBoundToTheContent() throws Exception {
        long id = submitted();
        approve(id);
        mvc.perform(get("/api/calibrations/{id}/signatures", id).with(LAB_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].signature.signerUsername").value("test-tech-2"))
                .andExpect(jsonPath("$[0].signature.meaning").value("APPROVED"))
                .andExpect(jsonPath("$[0].signature.contentSha256").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$[0].signature.signedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].contentChanged").value(false));
        mvc.perform(get("/api/calibrations/{id}/signatures", id).with(LAB_B)).andExpect(status().isNotFound());
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGN")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))).isTrue();
        String page = mvc.perform(get("/calibrations/{id}", id).param("lang", "en")
                        .with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Electronic signatures", "test-tech-2", "Approved", "Unchanged since signed");
    }

    @Test
    void aChangeToTheSignedRecordBehindTheApplicationsBackShowsAsContentChanged() throws Exception {
        long id = submitted();
        approve(id);
        dsl.update(CALIBRATION).set(CALIBRATION.TEMPERATURE_C, new java.math.BigDecimal("35.00")).where(CALIBRATION.ID.eq(id)).execute();

        mvc.perform(get("/api/calibrations/{id}/signatures", id).with(TECH))
                .andExpect(jsonPath("$[0].contentChanged").value(true));
        String page = mvc.perform(get("/calibrations/{id}", id).param("lang", "zh-CN")
                        .with(user(users.loadUserByUsername("test-tech"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("签名后内容已更改");
    }

    @Test
    void theApprovalPageAsksForThePasswordAndAWrongOneSaysSo() throws Exception {
        long id = submitted();
        var reviewer = user(users.loadUserByUsername("test-tech-2"));
        String page = mvc.perform(get("/calibrations/{id}", id).param("lang", "en").with(reviewer))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("type=\"password\" name=\"password\"");
        mvc.perform(post("/calibrations/{id}/approve", id).with(reviewer).with(csrf())
                        .param("version", "1").param("password", "wrong-password-1"))
                .andExpect(redirectedUrl("/calibrations/" + id))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("signatureRefused", true));
        mvc.perform(get("/api/calibrations/{id}", id).with(TECH_2)).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    private long submitted() throws Exception {
        String json = mvc.perform(post("/api/calibrations").with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content(f.draft())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        mvc.perform(post("/api/calibrations/{id}/submit", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
        return id;
    }

    private void approve(long id) throws Exception {
        mvc.perform(post("/api/calibrations/{id}/approve", id).with(TECH_2).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }
}
