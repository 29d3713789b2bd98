package org.metrolims.app.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administrators keep the register of organizations on pages; every change is audited and nothing is deleted. */
@AppTest
class OrganizationsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    RequestPostProcessor admin;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
        admin = user(users.loadUserByUsername("test-admin"));
        if (!dsl.fetchExists(DISCIPLINE, DISCIPLINE.CODE.eq("T-ORG-MASS"))) {
            dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "T-ORG-MASS").set(DISCIPLINE.NAME_ZH, "质量")
                    .set(DISCIPLINE.NAME_EN, "Mass").set(DISCIPLINE.SORT_ORDER, 990).execute();
        }
    }

    @Test
    void anAdministratorRegistersALabWithItsScopeAndTheTrailSaysWhoDidIt() throws Exception {
        String code = "T-ORG-" + System.nanoTime() % 100_000;
        mvc.perform(form(post("/organizations"), "检测中心", "Testing Centre", "ACCREDITED_LAB", "350000")
                        .param("code", code).param("accreditationNumber", "CNAS " + code)
                        .param("accreditationValidUntil", "2029-06-30").param("scope", "T-ORG-MASS"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", true));

        long id = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchSingle()
                .value1();
        assertThat(dsl.fetchCount(ORGANIZATION_SCOPE, ORGANIZATION_SCOPE.ORGANIZATION_ID.eq(id))).isEqualTo(1);
        assertThat(dsl.select(AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTION).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ENTITY_TYPE.eq("organization").and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))))
                .fetchSingle().intoList()).containsExactly("test-admin", "CREATE");

        String page = mvc.perform(get("/organizations/{id}", id).param("lang", "zh-CN").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("检测中心", "CNAS " + code, "2029-06-30", "认可实验室");
    }

    @Test
    void aChangeNeedsAReasonAndKeepsTheOldDetailsInTheTrail() throws Exception {
        long id = created("ENTERPRISE");
        mvc.perform(form(post("/organizations/{id}", id), "新名称", "New name", "ENTERPRISE", "350000"))
                .andExpect(flash().attribute("refusedField", "reason"));
        assertThat(nameEn(id)).isEqualTo("Old name");

        mvc.perform(form(post("/organizations/{id}", id), "新名称", "New name", "ENTERPRISE", "350000")
                        .param("addressEn", "1 Metrology Road").param("reason", "renamed by its owners"))
                .andExpect(flash().attribute("done", true));
        assertThat(nameEn(id)).isEqualTo("New name");
        var update = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("organization")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))).and(AUDIT_EVENT.ACTION.eq("UPDATE"))).fetchSingle();
        assertThat(update.getBeforeState()).contains("\"nameEn\":\"Old name\"").contains("\"addressEn\":null");
        assertThat(update.getAfterState()).contains("\"nameEn\":\"New name\"", "\"addressEn\":\"1 Metrology Road\"");
        assertThat(update.getReason()).isEqualTo("renamed by its owners");
    }

    @Test
    void theContactEmailCertificatesGoToIsEditedAuditedAndCheckedAsOneAddress() throws Exception {
        long id = created("ENTERPRISE");
        mvc.perform(form(post("/organizations/{id}", id), "旧名称", "Old name", "ENTERPRISE", "350000")
                        .param("contactEmail", "quality@lab.example, boss@lab.example").param("reason", "contact"))
                .andExpect(flash().attribute("refusedField", "contactEmail"));
        mvc.perform(form(post("/organizations/{id}", id), "旧名称", "Old name", "ENTERPRISE", "350000")
                        .param("contactEmail", "quality@lab.example").param("reason", "certificates by e-mail"))
                .andExpect(flash().attribute("done", true));

        assertThat(dsl.select(ORGANIZATION.CONTACT_EMAIL).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchSingle().value1()).isEqualTo("quality@lab.example");
        var update = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("organization")
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id))).and(AUDIT_EVENT.ACTION.eq("UPDATE"))).fetchSingle();
        assertThat(update.getBeforeState()).contains("\"contactEmail\":null");
        assertThat(update.getAfterState()).contains("\"contactEmail\":\"quality@lab.example\"");
        assertThat(mvc.perform(get("/organizations/{id}", id).with(admin)).andReturn().getResponse()
                .getContentAsString()).contains("value=\"quality@lab.example\"");
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() throws Exception {
        int before = dsl.fetchCount(ORGANIZATION);
        mvc.perform(form(post("/organizations"), "实验室", "Lab", "ACCREDITED_LAB", "350000").param("code", "T-NOACC"))
                .andExpect(flash().attribute("refusedField", "accreditationNumber"));
        mvc.perform(form(post("/organizations"), "实验室", "Lab", "ENTERPRISE", "999999").param("code", "T-NOREG"))
                .andExpect(flash().attribute("refusedField", "regionCode"));
        mvc.perform(form(post("/organizations"), "实验室", "Lab", "ENTERPRISE", "350000").param("code", "lower case"))
                .andExpect(flash().attribute("refusedField", "code"));
        mvc.perform(form(post("/organizations"), "实验室", "Lab", "ACCREDITED_LAB", "350000").param("code", "T-DUPACC")
                        .param("accreditationNumber", "CNAS T0001"))
                .andExpect(flash().attribute("refusedField", "accreditationNumber"));
        mvc.perform(form(post("/organizations"), "实验室", "Lab", "ENTERPRISE", "350000").param("code", "T-BADSCOPE")
                        .param("scope", "NO-SUCH-DISCIPLINE"))
                .andExpect(flash().attribute("refusedField", "scope"));
        assertThat(dsl.fetchCount(ORGANIZATION)).isEqualTo(before);
    }

    @Test
    void deactivatingKeepsTheOrganizationAndOnlyAdministratorsMayDoIt() throws Exception {
        long id = created("ENTERPRISE");
        mvc.perform(post("/organizations/{id}/active", id).param("active", "false").with(csrf())
                        .with(user(users.loadUserByUsername("test-officer"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organizations/{id}/active", id).param("active", "false").with(csrf()).with(admin))
                .andExpect(flash().attribute("done", true));
        assertThat(dsl.select(ORGANIZATION.ACTIVE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle()
                .value1()).isFalse();
        mvc.perform(get("/organizations/{id}", 987_654_321L).with(admin)).andExpect(status().isNotFound());
    }

    private long created(String kind) {
        return dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "T-ORG-" + System.nanoTime() % 1_000_000)
                .set(ORGANIZATION.NAME_ZH, "旧名称").set(ORGANIZATION.NAME_EN, "Old name").set(ORGANIZATION.KIND, kind)
                .set(ORGANIZATION.REGION_ID, dsl.select(org.metrolims.db.jooq.Tables.REGION.ID)
                        .from(org.metrolims.db.jooq.Tables.REGION)
                        .where(org.metrolims.db.jooq.Tables.REGION.CODE.eq("350000")))
                .returningResult(ORGANIZATION.ID).fetchSingle().value1();
    }

    private String nameEn(long id) {
        return dsl.select(ORGANIZATION.NAME_EN).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle()
                .value1();
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String nameZh, String nameEn,
            String kind, String region) {
        return request.param("nameZh", nameZh).param("nameEn", nameEn).param("kind", kind).param("regionCode", region)
                .with(csrf()).with(admin);
    }

    @Test
    void anAccreditationEndThatIsNotADateIsRefusedNamingTheFieldInTheAdminsLanguageAndNothingIsStored()
            throws Exception {
        for (String[] lang : new String[][] {{"en", "is not a date (yyyy-mm-dd)"}, {"zh-CN", "不是日期（yyyy-mm-dd）"}}) {
            String code = "T-ORG-" + System.nanoTime() % 100_000;
            mvc.perform(form(post("/organizations"), "检测中心", "Testing Centre", "ACCREDITED_LAB", "350000")
                            .param("lang", lang[0]).param("code", code).param("accreditationNumber", "CNAS " + code)
                            .param("accreditationValidUntil", "30.06.2029").param("scope", "T-ORG-MASS"))
                    .andExpect(redirectedUrl("/organizations"))
                    .andExpect(flash().attribute("refusedField", "accreditationValidUntil"))
                    .andExpect(flash().attribute("refused", lang[1]));
            assertThat(dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(code))).isFalse();
        }
    }
}
