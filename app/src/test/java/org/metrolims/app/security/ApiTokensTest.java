package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.API_TOKEN;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Bearer tokens on /api: scoped, expiring, revocable, stored hashed, issued by administrators. */
@AppTest
class ApiTokensTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    long labA;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
        labA = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-lab-a")).fetchSingle().value1();
    }

    @Test
    void aTokenActsAsItsAccountWithinItsScopesUntilRevoked() throws Exception {
        String answer = issue(labA, "[\"read:calibrations\"]", Instant.now().plus(30, ChronoUnit.DAYS))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token.scopes[0]").value("READ_CALIBRATIONS"))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(answer, "$.secret");
        long id = ((Number) JsonPath.read(answer, "$.token.id")).longValue();
        assertThat(secret).startsWith("mlt_").hasSizeGreaterThan(40);
        // stored hashed only
        assertThat(dsl.fetchExists(API_TOKEN, API_TOKEN.TOKEN_SHA256.eq(secret))).isFalse();
        assertThat(dsl.select(API_TOKEN.TOKEN_SHA256).from(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchSingle().value1())
                .hasSize(64).isNotEqualTo(secret);

        mvc.perform(get("/api/calibrations").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        mvc.perform(post("/api/calibrations").header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/standards").header("Authorization", "Bearer " + secret)).andExpect(status().isForbidden());
        mvc.perform(get("/api/accounts/{id}/tokens", labA).header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/accounts/tokens/{id}/revoke", id).with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get("/api/calibrations").header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("api_token")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))).isEqualTo(2);
    }

    @Test
    void scheduleAndCalculatorScopesOpenOnlyTheirOwnEndpoints() throws Exception {
        String answer = issue(labA, "[\"read:schedule\",\"evaluate:uncertainty\"]", Instant.now().plus(1, ChronoUnit.DAYS))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String bearer = "Bearer " + JsonPath.<String>read(answer, "$.secret");
        mvc.perform(get("/api/schedule/due").header("Authorization", bearer)).andExpect(status().isOk());
        mvc.perform(post("/api/uncertainty/evaluate").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"components\":[{\"name\":\"reference\",\"type\":\"B\",\"distribution\":\"normal\","
                                + "\"expandedUncertainty\":0.2,\"coverageFactor\":2}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.combinedStandardUncertainty").value(0.1));
        mvc.perform(get("/api/calibrations").header("Authorization", bearer)).andExpect(status().isForbidden());
        mvc.perform(get("/api/pt/my/history").header("Authorization", bearer)).andExpect(status().isForbidden());
    }

    @Test
    void anExpiredOrUnknownTokenIs401() throws Exception {
        String answer = issue(labA, "[\"read:reference\"]", Instant.now().plus(1, ChronoUnit.DAYS))
                .andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(answer, "$.secret");
        mvc.perform(get("/api/version").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        dsl.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, java.time.Instant.now().minus(java.time.Duration.ofDays(1)))
                .where(API_TOKEN.TOKEN_PREFIX.eq(secret.substring(0, 8))).execute();
        mvc.perform(get("/api/version").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/version").header("Authorization", "Bearer mlt_forged' OR '1'='1"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsNameTheirFieldAndOnlyAdministratorsIssue() throws Exception {
        issue(labA, "[\"delete:everything\"]", Instant.now().plus(1, ChronoUnit.DAYS)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopes"));
        issue(labA, "[\"read:registry\"]", Instant.now().plus(3650, ChronoUnit.DAYS)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
        mvc.perform(post("/api/accounts/{id}/tokens", labA).with(httpBasic("test-officer", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"scopes\":[\"read:registry\"],\"expiresAt\":\"2030-01-01T00:00:00Z\"}"))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions issue(long user, String scopes, Instant expiresAt)
            throws Exception {
        return mvc.perform(post("/api/accounts/{id}/tokens", user).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"LIMS of lab A\",\"scopes\":" + scopes + ",\"expiresAt\":\"" + expiresAt + "\"}"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic("test-admin", TestAccounts.PASSWORD);
    }
}
