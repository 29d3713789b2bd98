package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An administrator's change to an account ends its open sessions: after disabling it, changing its roles or resetting
 * its password, the next request of a session signed in before is refused (pages send it to the login page), and a
 * disabled account's API token and password no longer open the API.
 */
@AppTest
class SessionEndTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    RequestPostProcessor admin;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
        admin = user(users.loadUserByUsername("test-admin"));
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionAtTheNextRequest() throws Exception {
        long id = account("LAB");
        MockHttpSession session = signIn(id);
        mvc.perform(get("/portal").session(session)).andExpect(status().isOk());
        mvc.perform(get("/certificates").session(session)).andExpect(status().isOk());

        mvc.perform(post("/accounts/{id}/enabled", id).with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/portal").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/certificates").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/certificates").with(httpBasic(username(id), TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void changingAnAccountsRolesEndsItsOpenSession() throws Exception {
        long id = account("TECHNICIAN");
        MockHttpSession session = signIn(id);
        mvc.perform(get("/calibrations/new").session(session)).andExpect(status().isOk());

        mvc.perform(post("/accounts/{id}/roles", id).with(admin).with(csrf()).param("roles", "LAB"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/calibrations").session(session)).andExpect(redirectedUrl("/login"));
        // signed in again, the account has its new roles only
        MockHttpSession again = signIn(id);
        mvc.perform(get("/calibrations/new").session(again)).andExpect(status().isForbidden());
        mvc.perform(get("/portal").session(again)).andExpect(status().isOk());
    }

    @Test
    void resettingAPasswordEndsTheAccountsOpenSession() throws Exception {
        long id = account("LAB");
        MockHttpSession session = signIn(id);
        mvc.perform(get("/portal").session(session)).andExpect(status().isOk());

        mvc.perform(post("/accounts/{id}/password", id).with(admin).with(csrf())
                        .param("password", "a brand new secret 2026"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/portal").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aStampChangedByAnotherInstanceEndsTheSessionWithinTheCacheTime() throws Exception {
        long id = account("LAB");
        MockHttpSession session = signIn(id);
        mvc.perform(get("/portal").session(session)).andExpect(status().isOk());
        // another app instance on the same database disabled it: this instance learns it from the database
        dsl.update(APP_USER).set(APP_USER.ENABLED, false).set(APP_USER.SECURITY_STAMP, APP_USER.SECURITY_STAMP.plus(1))
                .where(APP_USER.ID.eq(id)).execute();
        Thread.sleep(SessionStamps.TTL.toMillis() + 500);

        mvc.perform(get("/portal").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aDisabledAccountsApiTokenStopsWorking() throws Exception {
        long id = account("LAB");
        String answer = mvc.perform(post("/api/accounts/{id}/tokens", id)
                        .with(httpBasic("test-admin", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"lab system\",\"scopes\":[\"read:certificates\"],\"expiresAt\":\""
                                + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String bearer = "Bearer " + JsonPath.read(answer, "$.secret");
        mvc.perform(get("/api/certificates").header("Authorization", bearer)).andExpect(status().isOk());

        mvc.perform(post("/accounts/{id}/enabled", id).with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/certificates").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    /** Signs in through the login form, as a browser does, and returns the session its cookie names. */
    private MockHttpSession signIn(long id) throws Exception {
        var result = mvc.perform(post("/login").with(csrf()).param("username", username(id))
                .param("password", TestAccounts.PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** A fresh account of lab A with one role and the test password. */
    private long account(String role) {
        long lab = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-A")).fetchSingle()
                .value1();
        String name = "session-" + role.toLowerCase() + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        long id = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, name)
                .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD)).set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.ORGANIZATION_ID, lab).returningResult(APP_USER.ID).fetchSingle().value1();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role).execute();
        return id;
    }

    private String username(long id) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle().value1();
    }
}
