package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

@AppTest
class SecurityTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @ParameterizedTest
    @CsvSource({"test-tech, TECHNICIAN", "test-officer, OFFICER", "test-admin, ADMIN", "test-lab-a, LAB"})
    void formLoginGivesEachUserTheirRole(String user, String role) throws Exception {
        mvc.perform(formLogin("/login").user(user).password(TestAccounts.PASSWORD))
                .andExpect(authenticated().withUsername(user).withRoles(role))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void rejectsAWrongPasswordAndAuditsTheFailure() throws Exception {
        mvc.perform(formLogin("/login").user("test-officer").password("not-the-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(dsl.fetchExists(AUDIT_EVENT,
                AUDIT_EVENT.ACTOR.eq("test-officer").and(AUDIT_EVENT.ACTION.eq("LOGIN_FAILED")))).isTrue();
    }

    @Test
    void auditsASuccessfulFormLogin() throws Exception {
        long before = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("test-lab-b").and(AUDIT_EVENT.ACTION.eq("LOGIN")));
        mvc.perform(formLogin("/login").user("test-lab-b").password(TestAccounts.PASSWORD)).andExpect(authenticated());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("test-lab-b").and(AUDIT_EVENT.ACTION.eq("LOGIN"))))
                .isEqualTo(before + 1);
    }

    @Test
    void anonymousApiCallGets401ProblemJson() throws Exception {
        mvc.perform(get("/api/regions"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"MetroLIMS\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/regions"));
    }

    @Test
    void apiRejectsWrongBasicCredentialsWith401() throws Exception {
        mvc.perform(get("/api/regions").with(httpBasic("test-tech", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void apiAcceptsBasicCredentials() throws Exception {
        mvc.perform(get("/api/version").with(httpBasic("test-lab-a", TestAccounts.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("MetroLIMS"));
    }

    @Test
    void anonymousPageRequestIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void healthNeedsNoLogin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "test-tech").param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void storesPasswordsAsBcryptHashes() {
        String hash = dsl.select(org.metrolims.db.jooq.Tables.APP_USER.PASSWORD_HASH)
                .from(org.metrolims.db.jooq.Tables.APP_USER)
                .where(org.metrolims.db.jooq.Tables.APP_USER.USERNAME.eq("test-tech")).fetchSingle().value1();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(TestAccounts.PASSWORD);
    }
}
