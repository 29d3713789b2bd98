package org.metrolims.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.web.ProvinceToday;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Home and the coverage dashboard count on the same "today": the province's date, from one clock. The clock is
 * fixed at 01:00 on 1 April in Fuzhou, which is still 31 March in UTC, and a standard's certificate starts on
 * 1 April: a page that took the UTC date (as the dashboard did) would count one standard fewer than home.
 */
@AppTest
@Import(OneTodayTest.FixedToday.class)
class OneTodayTest {

    static final ZoneId FUZHOU = ZoneId.of("Asia/Shanghai");
    /** 2026-04-01T01:00 in the province, 2026-03-31T17:00 in UTC. */
    static final Instant MOMENT = Instant.parse("2026-03-31T17:00:00Z");
    static final LocalDate PROVINCE_DATE = LocalDate.of(2026, 4, 1);

    @TestConfiguration
    static class FixedToday {
        @Bean
        @Primary
        ProvinceToday fixedProvinceToday() {
            return new ProvinceToday(Clock.fixed(MOMENT, FUZHOU));
        }
    }

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);

    @Test
    void homeAndDashboardCountOnTheProvinceDateEvenWhenUtcIsStillYesterday() throws Exception {
        assertThat(LocalDate.ofInstant(MOMENT, java.time.ZoneOffset.UTC)).isNotEqualTo(PROVINCE_DATE);
        TestAccounts.ensure(dsl, encoder);
        long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "TODAY-MECH").set(DISCIPLINE.NAME_ZH, "力学")
                .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 97)
                .returningResult(DISCIPLINE.ID).fetchOne().value1();
        dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, "TODAY-MASS")
                .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                .set(QUANTITY.SI_UNIT_NAME, "kilogram").execute();
        standard("TODAY-OLD", "2025-01-10");
        standard("TODAY-NEW", PROVINCE_DATE.toString());

        String home = mvc.perform(get("/").with(page())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/coverage").with(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String dashboard = mvc.perform(get("/coverage").with(page())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(home).contains("Counted on " + PROVINCE_DATE);
        assertThat(homeCount(home, "public")).isEqualTo(2);
        assertThat(homeCount(home, "provincial")).isEqualTo(2);
        assertThat((String) JsonPath.read(api, "$.asOf")).isEqualTo(PROVINCE_DATE.toString());
        assertThat((Integer) JsonPath.read(api, "$.figures.publicStandards.numerator")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(api, "$.figures.provincialStandards.numerator")).isEqualTo(2);
        assertThat(dashboard).contains("value=\"" + PROVINCE_DATE + "\"");
        // the UTC date would have counted one fewer
        String utc = mvc.perform(get("/api/coverage").param("asOf", "2026-03-31").with(officer))
                .andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(utc, "$.figures.publicStandards.numerator")).isEqualTo(1);
    }

    /** Pages sign in by form; the test puts the signed-in officer in the request instead. */
    private RequestPostProcessor page() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("test-officer"));
    }

    private void standard(String code, String issuedOn) throws Exception {
        String json = """
                {"code":"%s","nameZh":"E2等级砝码标准装置","nameEn":"Class E2 weights","discipline":"TODAY-MECH",
                 "quantity":"TODAY-MASS","level":"PROVINCIAL_PUBLIC","owner":"%s","region":"350000",
                 "rangeLow":0.000001,"rangeHigh":20,"unit":"kg","accuracyClass":"E2","establishedOn":"2020-05-01",
                 "certificate":{"certificateNo":"C-%s","issuedOn":"%s","expiresOn":"2030-01-09",
                                "issuer":"福建省市场监督管理局"}}
                """.formatted(code, "T-INST", code, issuedOn);
        mvc.perform(post("/api/standards").with(tech).contentType("application/json").content(json))
                .andExpect(status().isCreated());
    }

    private static int homeCount(String html, String which) {
        Matcher m = Pattern.compile("id=\"stat-" + which + "-counted\">([0-9,]+)<").matcher(html);
        assertThat(m.find()).as(which + " count on home").isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }
}
