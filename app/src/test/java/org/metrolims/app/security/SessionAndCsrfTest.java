package org.metrolims.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Session fixation protection, CSRF tokens that do not survive their session, and the secure headers. */
@AppTest
class SessionAndCsrfTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @Test
    void signingInGivesANewSessionSoAPlantedSessionIdIsWorthless() throws Exception {
        MockHttpSession planted = new MockHttpSession();
        String token = token(planted, "/login");
        String plantedId = planted.getId();
        var result = mvc.perform(post("/login").session(planted).param("username", "test-admin")
                .param("password", TestAccounts.PASSWORD).param("_csrf", token)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(plantedId);
    }

    @Test
    void aCsrfTokenFromAnEarlierSessionIsRefusedAfterSigningInAgain() throws Exception {
        MockHttpSession first = signIn();
        String old = token(first, "/accounts");
        mvc.perform(post("/logout").session(first).param("_csrf", old)).andExpect(status().is3xxRedirection());
        MockHttpSession second = signIn();
        mvc.perform(post("/accounts").session(second).param("_csrf", old).param("username", "replayed")
                .param("organizationCode", "T-LAB-A").param("roles", "LAB")
                .param("password", "a long enough secret")).andExpect(status().isForbidden());
        mvc.perform(post("/accounts").session(second).param("_csrf", "forged-" + old).param("username", "replayed")
                .param("organizationCode", "T-LAB-A").param("roles", "LAB")
                .param("password", "a long enough secret")).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecureHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
    }

    private MockHttpSession signIn() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        String token = token(anonymous, "/login");
        var result = mvc.perform(post("/login").session(anonymous).param("username", "test-admin")
                .param("password", TestAccounts.PASSWORD).param("_csrf", token)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private String token(MockHttpSession session, String page) throws Exception {
        String html = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a CSRF token on %s", page).isTrue();
        return m.group(1);
    }
}
