package org.metrolims.app.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.metrolims.app.standard.RegistryApiFixture.TYPE_CODE;
import static org.metrolims.app.standard.RegistryApiFixture.instrumentJson;
import static org.metrolims.app.standard.RegistryApiFixture.standardJson;
import static org.metrolims.app.standard.RegistryApiFixture.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.calibration.standard.RegistryInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class RegistryPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    void data() {
        RegistryApiFixture.ensure(dsl, encoder);
    }

    RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    long standard(String owner) throws Exception {
        String body = mvc.perform(post("/api/standards").with(httpBasic("test-admin", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(standardJson(unique("PG"), owner)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aTechnicianSeesTheInstrumentListWithTheRegisterFormAndRegistersOne() throws Exception {
        mvc.perform(get("/registry/instruments").with(signedIn("test-tech")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"register-form\"")))
                .andExpect(content().string(containsString("Register an instrument")));
        String sn = unique("PAGE");
        mvc.perform(post("/registry/instruments").with(signedIn("test-tech")).with(csrf())
                        .param("owner", "T-INST").param("type", TYPE_CODE).param("manufacturer", "赛多利斯")
                        .param("model", "MSA").param("serialNo", sn).param("unit", "g").param("rangeLow", "0")
                        .param("rangeHigh", "220"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/registry/instruments"))
                .andExpect(flash().attribute("registered", sn));
    }

    @Test
    void aRejectedFormIsShownAgainWithTheFieldsThatAreWrong() throws Exception {
        mvc.perform(post("/registry/instruments").with(signedIn("test-tech")).with(csrf())
                        .param("owner", "T-INST").param("type", TYPE_CODE).param("manufacturer", "M")
                        .param("model", "X").param("serialNo", unique("BAD")).param("unit", "g")
                        .param("rangeLow", "9").param("rangeHigh", "1").param("resolution", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"register-errors\"")))
                .andExpect(content().string(containsString("resolution")));
    }

    @Test
    void aLabSeesTheListWithoutTheFormAndMayNotRegister() throws Exception {
        mvc.perform(get("/registry/instruments").with(signedIn("test-lab-a")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"register-form\""))));
        mvc.perform(post("/registry/instruments").with(signedIn("test-lab-a")).with(csrf())
                        .param("owner", "T-LAB-A").param("type", TYPE_CODE))
                .andExpect(status().isForbidden());
    }

    @Test
    void theStandardsListAndAStandardsPageRenderInChinese() throws Exception {
        long id = standard("T-INST");
        mvc.perform(get("/registry/standards").param("level", "").param("region", "350000")
                        .with(signedIn("test-officer")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("计量标准")))
                .andExpect(content().string(containsString("省级社会公用计量标准")));
        mvc.perform(get("/registry/standards/{id}", id).with(signedIn("test-tech")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("状态历史")))
                .andExpect(content().string(containsString("id=\"certificates\"")))
                .andExpect(content().string(containsString("REGISTER")));
    }

    @Test
    void aStandardsPageWritesASmallUncertaintyAndDrawsItsChainInItsOwnZoomableBox() throws Exception {
        String code = unique("PGU");
        String json = standardJson(code, "T-INST").replace("\"accuracyClass\":\"E2\"",
                "\"accuracyClass\":\"E2\",\"expandedUncertainty\":0.00000054,\"coverageFactor\":2");
        String body = mvc.perform(post("/api/standards").with(httpBasic("test-admin", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        String page = mvc.perform(get("/registry/standards/{id}", id).param("lang", "en").with(signedIn("test-tech")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // U = 5.4 × 10⁻⁷ kg, never 0
        assertThat(page).contains("U = 5.4 × 10⁻⁷ kg (k = 2)").doesNotContain("U = 0 ");
        // the chain on the page itself, named by the standard's code (not S<id>), in a box that scrolls and zooms
        assertThat(page).contains("class=\"chain-scroll\"", "data-zoom=\"in\"", ">" + code + "<")
                .doesNotContain(">S" + id + "<");
    }

    @Test
    void theOwnersTechnicianChangesStatusCertificateAndEquipmentFromTheStandardsPage() throws Exception {
        long id = standard("T-INST");
        String serial = unique("SN");
        mvc.perform(post("/api/instruments").with(httpBasic("test-admin", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(instrumentJson("T-INST", serial)))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/registry/standards/{id}", id).with(signedIn("test-tech")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"status-form\"", "id=\"certificate-form\"", "id=\"equipment-form\"", serial);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        // suspending without a reason is refused on the page, naming the field, and changes nothing
        var refused = mvc.perform(post("/registry/standards/{id}/status", id).with(signedIn("test-tech")).with(csrf())
                        .param("version", "0").param("status", "SUSPENDED").param("effectiveFrom", today))
                .andExpect(redirectedUrl("/registry/standards/" + id)).andReturn().getFlashMap().get("errors");
        assertThat((java.util.List<?>) refused).extracting(e -> ((RegistryInputException.FieldError) e).field())
                .containsExactly("reason");
        mvc.perform(post("/registry/standards/{id}/status", id).with(signedIn("test-tech")).with(csrf())
                        .param("version", "0").param("status", "SUSPENDED").param("effectiveFrom", today)
                        .param("reason", "weights sent for recalibration"))
                .andExpect(flash().attribute("changed", true));
        mvc.perform(post("/registry/standards/{id}/certificates", id).with(signedIn("test-tech")).with(csrf())
                        .param("version", "1").param("certificateNo", "[2026]闽量标证字第0042号")
                        .param("issuedOn", "2026-01-10").param("expiresOn", "2030-01-09").param("issuer", "福建省市场监督管理局"))
                .andExpect(flash().attribute("changed", true));
        long instrumentId = dsl.select(org.metrolims.db.jooq.Tables.INSTRUMENT.ID).from(org.metrolims.db.jooq.Tables.INSTRUMENT)
                .where(org.metrolims.db.jooq.Tables.INSTRUMENT.SERIAL_NO.eq(serial)).fetchSingle().value1();
        mvc.perform(post("/registry/standards/{id}/equipment", id).with(signedIn("test-tech")).with(csrf())
                        .param("instrumentId", String.valueOf(instrumentId)).param("reason", "new balance"))
                .andExpect(flash().attribute("changed", true));

        String after = mvc.perform(get("/registry/standards/{id}", id).with(signedIn("test-tech")))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("weights sent for recalibration", "[2026]闽量标证字第0042号", "STATUS_SUSPENDED",
                "CERTIFICATE", "LINK_EQUIPMENT");
        // a lab never gets the forms, and cannot post them
        long own = standard("T-LAB-A");
        assertThat(mvc.perform(get("/registry/standards/{id}", own).with(signedIn("test-lab-a")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("status-form");
        mvc.perform(post("/registry/standards/{id}/status", own).with(signedIn("test-lab-a")).with(csrf())
                        .param("version", "0").param("status", "RETIRED").param("effectiveFrom", today)
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLabGetsNotFoundForAnotherOrganizationsStandardPage() throws Exception {
        long other = standard("T-INST");
        long own = standard("T-LAB-A");
        mvc.perform(get("/registry/standards/{id}", other).with(signedIn("test-lab-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/registry/standards/{id}", own).with(signedIn("test-lab-a")))
                .andExpect(status().isOk());
    }

    @Test
    void theFilteredStandardsDownloadFromThePage() throws Exception {
        standard("T-INST");
        mvc.perform(get("/registry/standards/export.xlsx").param("region", "350000").with(signedIn("test-officer")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(RegistryFiles.XLSX));
    }

    /** The text of the message shown at a field of a bound form, or null when the field has none. */
    static String messageAt(String page, String field) {
        var m = java.util.regex.Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(page);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void aRangeThatIsNotANumberComesBackAtItsFieldInTheUsersLanguageAndNothingIsStored() throws Exception {
        for (String[] lang : new String[][] {{"en", "is not a number"}, {"zh-CN", "不是数字"}}) {
            String sn = unique("NAN");
            String page = mvc.perform(post("/registry/instruments").param("lang", lang[0]).with(signedIn("test-tech"))
                            .with(csrf()).param("owner", "T-INST").param("type", TYPE_CODE).param("manufacturer", "M")
                            .param("model", "X").param("serialNo", sn).param("unit", "g").param("rangeLow", "0")
                            .param("rangeHigh", "22O"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(messageAt(page, "rangeHigh")).isEqualTo(lang[1]);
            assertThat(messageAt(page, "rangeLow")).isNull();
            // the form keeps what was typed, and no Java type or exception text reaches the page
            assertThat(page).contains("id=\"register-errors\"", "value=\"22O\"", "value=\"" + sn + "\"")
                    .doesNotContain("java.", "BigDecimal", "NumberFormatException", "Failed to convert");
            assertThat(dsl.fetchExists(org.metrolims.db.jooq.Tables.INSTRUMENT,
                    org.metrolims.db.jooq.Tables.INSTRUMENT.SERIAL_NO.eq(sn))).isFalse();
        }
    }

    @Test
    void theRegistrysOwnRefusalIsShownAtTheFieldItNames() throws Exception {
        String sn = unique("REV");
        String page = mvc.perform(post("/registry/instruments").with(signedIn("test-tech")).with(csrf())
                        .param("owner", "T-INST").param("type", TYPE_CODE).param("manufacturer", "M")
                        .param("model", "X").param("serialNo", sn).param("unit", "g")
                        .param("calibrationIntervalMonths", "300"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(messageAt(page, "calibrationIntervalMonths")).isEqualTo("must be between 1 and 240 months");
        assertThat(messageAt(page, "serialNo")).isNull();
        assertThat(dsl.fetchExists(org.metrolims.db.jooq.Tables.INSTRUMENT,
                org.metrolims.db.jooq.Tables.INSTRUMENT.SERIAL_NO.eq(sn))).isFalse();
    }

    @Test
    void aDateThatIsNotOneIsRefusedOnTheStandardsPageInTheUsersLanguageAndChangesNothing() throws Exception {
        long id = standard("T-INST");
        for (String[] lang : new String[][] {{"en", "is not a date (yyyy-mm-dd)"}, {"zh-CN", "不是日期（yyyy-mm-dd）"}}) {
            var refused = mvc.perform(post("/registry/standards/{id}/status", id).param("lang", lang[0])
                            .with(signedIn("test-tech")).with(csrf()).param("version", "0").param("status", "SUSPENDED")
                            .param("effectiveFrom", "31/12/2026").param("reason", "weights away"))
                    .andExpect(redirectedUrl("/registry/standards/" + id)).andReturn().getFlashMap().get("errors");
            assertThat((java.util.List<?>) refused).map(e -> (RegistryInputException.FieldError) e)
                    .extracting(RegistryInputException.FieldError::field, RegistryInputException.FieldError::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("effectiveFrom", lang[1]));
        }
        assertThat(dsl.fetchCount(org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS,
                org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS.STANDARD_ID.eq(id)
                        .and(org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD_STATUS.STATUS.eq("SUSPENDED"))))
                .isZero();
    }
}
