package org.metrolims.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators create, re-role, disable and reset accounts on pages; every change is audited. */
@AppTest
class AccountsPagesTest {

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
    void anAdministratorCreatesAUserWhoCanThenSignInAndTheCreationIsAudited() throws Exception {
        String name = "new-lab-" + System.nanoTime() % 100000;
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", name)
                        .param("displayName", "New lab user").param("organizationCode", "T-LAB-A")
                        .param("roles", "LAB").param("password", "a long enough secret"))
                .andExpect(redirectedUrl("/accounts")).andExpect(flash().attribute("done", true));
        mvc.perform(get("/api/version").with(httpBasic(name, "a long enough secret"))).andExpect(status().isOk());
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(name)).fetchSingle().value1();
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("CREATE").and(AUDIT_EVENT.ENTITY_TYPE
                .eq("app_user")).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))).and(AUDIT_EVENT.ACTOR
                .eq("test-admin")))).isTrue();
        String audited = dsl.select(AUDIT_EVENT.AFTER_STATE).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id)).and(AUDIT_EVENT.ACTION.eq("CREATE"))
                        .and(AUDIT_EVENT.ENTITY_TYPE.eq("app_user")))
                .fetchSingle().value1();
        assertThat(audited).contains("\"roles\":[\"LAB\"]").doesNotContain("secret").doesNotContain("bcrypt");
    }

    @Test
    void aWeakPasswordIsRefusedAndNothingIsCreated() throws Exception {
        String name = "weak-" + System.nanoTime() % 100000;
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", name)
                        .param("organizationCode", "T-LAB-A").param("roles", "LAB").param("password", "password1234"))
                .andExpect(flash().attribute("refusedField", "password"));
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", name)
                        .param("organizationCode", "T-LAB-A").param("roles", "LAB").param("password", name))
                .andExpect(flash().attribute("refusedField", "password"));
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(name))).isFalse();
    }

    @Test
    void aDisabledAccountCannotSignInAndIsNeverDeleted() throws Exception {
        long id = created("gone-");
        String name = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle().value1();
        mvc.perform(post("/accounts/{id}/enabled", id).with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(flash().attribute("done", true));
        mvc.perform(get("/api/version").with(httpBasic(name, "a long enough secret")))
                .andExpect(status().isUnauthorized());
        assertThat(dsl.fetchExists(APP_USER, APP_USER.ID.eq(id))).isTrue();
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("DISABLE")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))).isTrue();
    }

    @Test
    void rolesChangeAndAPasswordResetTakesEffect() throws Exception {
        long id = created("roles-");
        String name = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle().value1();
        mvc.perform(post("/accounts/{id}/roles", id).with(admin).with(csrf()).param("roles", "OFFICER"))
                .andExpect(flash().attribute("done", true));
        mvc.perform(get("/api/pt/rounds").with(httpBasic(name, "a long enough secret"))).andExpect(status().isOk());
        mvc.perform(post("/accounts/{id}/password", id).with(admin).with(csrf())
                .param("password", "another long secret")).andExpect(flash().attribute("done", true));
        mvc.perform(get("/api/version").with(httpBasic(name, "another long secret"))).andExpect(status().isOk());
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("PASSWORD_RESET")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))).isTrue();
    }

    @Test
    void anAdministratorCannotDisableThemselves() throws Exception {
        long self = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-admin")).fetchSingle()
                .value1();
        mvc.perform(post("/accounts/{id}/enabled", self).with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(flash().attribute("refusedField", "enabled"));
    }

    @Test
    void htmlAndSqlInFreeTextAreStoredInertAndShownEscaped() throws Exception {
        String name = "inj-" + System.nanoTime() % 100000;
        String display = "<script>alert(1)</script>'); DROP TABLE app_user; --";
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", name).param("displayName", display)
                        .param("organizationCode", "T-LAB-A").param("roles", "LAB")
                        .param("password", "a long enough secret"))
                .andExpect(flash().attribute("done", true));
        assertThat(dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(name)).fetchSingle()
                .value1()).isEqualTo(display);
        String page = mvc.perform(get("/accounts").param("q", name).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // a user name is a closed alphabet: SQL in it is refused, not run
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", "x' OR '1'='1")
                        .param("organizationCode", "T-LAB-A").param("roles", "LAB")
                        .param("password", "a long enough secret"))
                .andExpect(flash().attribute("refusedField", "username"));
    }

    @Test
    void overLongFieldsAreRefusedNotA500() throws Exception {
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", "ok-" + System.nanoTime() % 100000)
                        .param("displayName", "x".repeat(5000)).param("organizationCode", "T-LAB-A")
                        .param("roles", "LAB").param("password", "a long enough secret"))
                .andExpect(flash().attribute("refusedField", "displayName"));
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", "y".repeat(5000))
                        .param("organizationCode", "T-LAB-A").param("roles", "LAB")
                        .param("password", "a long enough secret"))
                .andExpect(flash().attribute("refusedField", "username"));
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", "z-" + System.nanoTime() % 100000)
                        .param("organizationCode", "T-LAB-A".repeat(1000)).param("roles", "LAB")
                        .param("password", "a long enough secret"))
                .andExpect(flash().attribute("refusedField", "organizationCode"));
    }

    @Test
    void aForgedOrMissingCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/accounts").with(admin).param("username", "forged").param("organizationCode", "T-LAB-A")
                .param("roles", "LAB").param("password", "a long enough secret")).andExpect(status().isForbidden());
        mvc.perform(post("/accounts").with(admin).with(csrf().useInvalidToken()).param("username", "forged")
                .param("organizationCode", "T-LAB-A").param("roles", "LAB").param("password", "a long enough secret"))
                .andExpect(status().isForbidden());
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("forged"))).isFalse();
    }

    @Test
    void onlyAdministratorsReachTheAccountPages() throws Exception {
        mvc.perform(get("/accounts").with(user(users.loadUserByUsername("test-officer")))).andExpect(status().isForbidden());
        mvc.perform(get("/accounts").with(admin)).andExpect(status().isOk());
    }

    private long created(String prefix) throws Exception {
        String name = prefix + System.nanoTime() % 100000;
        mvc.perform(post("/accounts").with(admin).with(csrf()).param("username", name)
                .param("organizationCode", "T-INST").param("roles", "TECHNICIAN")
                .param("password", "a long enough secret")).andExpect(flash().attribute("done", true));
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(name)).fetchSingle().value1();
    }
}
