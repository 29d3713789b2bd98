package org.metrolims.app.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.STANDARD_SCHEME_CLAIM;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.calibration.standard.CertificateDetails;
import org.metrolims.calibration.standard.MeasurementStandards;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.calibration.standard.StandardDetails;
import org.metrolims.calibration.standard.StandardLevel;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.db.audit.AuditTrail.RecordedAuditEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Recording, changing and withdrawing a standard's claimed level in its verification scheme, through the API and the
 * standard's page: the verdict follows the claim, nothing is deleted, each change is audited, bad input names its
 * field, and only the owner's technicians and administrators change claims. Each test uses a standard of its own
 * (prefix SC-), a mass standard of the institute T-INST with U = 3e-5 kg at 50 kg: 6e-7 relative, in E2's band
 * (4e-7, 8e-7] of JJG 2053-2016.
 */
@AppTest
class SchemeClaimsWebTest {

    static final String MASS_SCHEME = "JJG 2053-2016";

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired MeasurementStandards standards;
    @Autowired AuditTrail audit;
    @Autowired UserDetailsService users;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);
    RequestPostProcessor admin = httpBasic("test-admin", TestAccounts.PASSWORD);
    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    RequestPostProcessor otherTech = httpBasic("sc-other-tech", TestAccounts.PASSWORD);

    long institute;
    String discipline;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
        institute = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-INST")).fetchOne()
                .value1();
        if (!dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("sc-other-tech"))) {
            long other = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "SC-OTHER-INST")
                    .set(ORGANIZATION.NAME_ZH, "SC-OTHER").set(ORGANIZATION.NAME_EN, "SC-OTHER")
                    .set(ORGANIZATION.KIND, "INSTITUTE")
                    .set(ORGANIZATION.REGION_ID, dsl.select(ORGANIZATION.REGION_ID).from(ORGANIZATION)
                            .where(ORGANIZATION.ID.eq(institute)).fetchOne().value1())
                    .returningResult(ORGANIZATION.ID).fetchOne().value1();
            long user = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "sc-other-tech")
                    .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD))
                    .set(APP_USER.DISPLAY_NAME, "sc-other-tech").set(APP_USER.ORGANIZATION_ID, other)
                    .returningResult(APP_USER.ID).fetchOne().value1();
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, user).set(USER_ROLE.ROLE, "TECHNICIAN").execute();
        }
        long quantity = quantity("MASS", "质量", "Mass", "kg");
        discipline = dsl.select(DISCIPLINE.CODE).from(QUANTITY).join(DISCIPLINE)
                .on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID)).where(QUANTITY.ID.eq(quantity)).fetchOne().value1();
    }

    long quantity(String code, String zh, String en, String unit) {
        return dsl.select(QUANTITY.ID).from(QUANTITY).where(QUANTITY.CODE.eq(code)).fetchOptional(x -> x.value1())
                .orElseGet(() -> {
                    long d = dsl.select(DISCIPLINE.ID).from(DISCIPLINE).orderBy(DISCIPLINE.ID).limit(1)
                            .fetchOptional(x -> x.value1())
                            .orElseGet(() -> dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "SC-MECH")
                                    .set(DISCIPLINE.NAME_ZH, "力学").set(DISCIPLINE.NAME_EN, "Mechanics")
                                    .set(DISCIPLINE.SORT_ORDER, 96).returningResult(DISCIPLINE.ID).fetchOne().value1());
                    return dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, code)
                            .set(QUANTITY.NAME_ZH, zh).set(QUANTITY.NAME_EN, en).set(QUANTITY.SI_UNIT, unit)
                            .set(QUANTITY.SI_UNIT_NAME, en).returningResult(QUANTITY.ID).fetchOne().value1();
                });
    }

    /** A new mass standard of T-INST: U = 3e-5 kg over 50 kg, E2 by its uncertainty, no accuracy class. */
    long massStandard(String code) {
        return register(code, discipline, "MASS", "kg", "50", "0.00003");
    }

    long register(String code, String disciplineCode, String quantityCode, String unit, String high, String u) {
        StandardDetails d = new StandardDetails(code, "标准装置", "Standard", disciplineCode, quantityCode,
                StandardLevel.CITY_PUBLIC, "T-INST", "350000", new BigDecimal("0.000001"), new BigDecimal(high), unit,
                new BigDecimal(u), new BigDecimal("2"), null, LocalDate.of(2020, 5, 1));
        CertificateDetails certificate = new CertificateDetails("SC-A-" + code, LocalDate.of(2024, 1, 10),
                LocalDate.of(2028, 1, 9), "福建省市场监督管理局");
        return standards.register(d, certificate, new RegistryUser("test-admin", institute, true, false, true)).id();
    }

    ResultActions claim(long id, RequestPostProcessor who, String scheme, String level, String reason)
            throws Exception {
        String body = "{\"scheme\":" + json(scheme) + ",\"level\":" + json(level) + ",\"reason\":" + json(reason) + "}";
        return mvc.perform(put("/api/standards/{id}/scheme-claim", id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions withdraw(long id, RequestPostProcessor who, String reason) throws Exception {
        return mvc.perform(post("/api/standards/{id}/scheme-claim/withdrawal", id).with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":" + json(reason) + "}"));
    }

    static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    List<RecordedAuditEntry> claimAudit(long id) {
        return audit.latestFor("measurement_standard", Long.toString(id), 50).stream()
                .filter(a -> a.entry().action().startsWith("SCHEME_CLAIM")).toList().reversed();
    }

    @Test
    void aClaimAboveWhatTheUncertaintySupportsIsMisplacedAndChangingItSupersedesTheFirstClaim() throws Exception {
        long id = massStandard("SC-CHANGE");
        mvc.perform(get("/api/standards/{id}/scheme-claim", id).with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").doesNotExist())
                .andExpect(jsonPath("$.standing.verdict").value("OK"))
                .andExpect(jsonPath("$.standing.level").value("E2"))
                .andExpect(jsonPath("$.history").isEmpty());

        claim(id, tech, MASS_SCHEME, "E1", "assessment file 2026, section 3")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.level").value("E1"))
                .andExpect(jsonPath("$.current.recordedBy").value("test-tech"))
                .andExpect(jsonPath("$.standing.verdict").value("MISPLACED"))
                .andExpect(jsonPath("$.standing.claimedLevel").value("E1"))
                .andExpect(jsonPath("$.standing.belongsTo").value("E2"));

        claim(id, admin, MASS_SCHEME, "E2", "corrected after review")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.level").value("E2"))
                .andExpect(jsonPath("$.standing.verdict").value("OK"))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[0].level").value("E1"))
                .andExpect(jsonPath("$.history[0].endKind").value("SUPERSEDED"))
                .andExpect(jsonPath("$.history[0].endedBy").value("test-admin"))
                .andExpect(jsonPath("$.history[0].endedAt").isString())
                .andExpect(jsonPath("$.history[1].level").value("E2"))
                .andExpect(jsonPath("$.history[1].endedAt").doesNotExist());

        // both rows are kept; one is in force
        assertThat(dsl.fetchCount(STANDARD_SCHEME_CLAIM, STANDARD_SCHEME_CLAIM.STANDARD_ID.eq(id))).isEqualTo(2);
        assertThat(dsl.fetchCount(STANDARD_SCHEME_CLAIM, STANDARD_SCHEME_CLAIM.STANDARD_ID.eq(id)
                .and(STANDARD_SCHEME_CLAIM.ENDED_AT.isNull()))).isEqualTo(1);
        // the audit trail has who, the claim before and after, and why
        List<RecordedAuditEntry> lines = claimAudit(id);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).entry().actor()).isEqualTo("test-tech");
        assertThat(lines.get(0).entry().beforeState()).isNull();
        assertThat(lines.get(0).entry().afterState()).contains("\"level\":\"E1\"");
        assertThat(lines.get(0).entry().reason()).isEqualTo("assessment file 2026, section 3");
        assertThat(lines.get(1).entry().actor()).isEqualTo("test-admin");
        assertThat(lines.get(1).entry().beforeState()).contains("\"level\":\"E1\"");
        assertThat(lines.get(1).entry().afterState()).contains("\"level\":\"E2\"");
        // claiming the level already claimed changes nothing
        claim(id, tech, MASS_SCHEME, "E2", "again").andExpect(status().isConflict());
    }

    @Test
    void aWithdrawalEndsTheClaimWithoutDeletingItAndTheStandardIsPlacedByItsUncertaintyAgain() throws Exception {
        long id = massStandard("SC-WITHDRAW");
        withdraw(id, tech, "nothing to withdraw yet").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        claim(id, tech, MASS_SCHEME, "F1", "claimed as F1").andExpect(status().isOk())
                .andExpect(jsonPath("$.standing.verdict").value("MISPLACED"));
        withdraw(id, tech, "the assessment file was corrected")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").doesNotExist())
                .andExpect(jsonPath("$.standing.verdict").value("OK"))
                .andExpect(jsonPath("$.standing.level").value("E2"))
                .andExpect(jsonPath("$.history.length()").value(1))
                .andExpect(jsonPath("$.history[0].level").value("F1"))
                .andExpect(jsonPath("$.history[0].endKind").value("WITHDRAWN"))
                .andExpect(jsonPath("$.history[0].endReason").value("the assessment file was corrected"));
        assertThat(dsl.fetchCount(STANDARD_SCHEME_CLAIM, STANDARD_SCHEME_CLAIM.STANDARD_ID.eq(id))).isEqualTo(1);
        List<RecordedAuditEntry> lines = claimAudit(id);
        assertThat(lines).extracting(a -> a.entry().action()).containsExactly("SCHEME_CLAIM", "SCHEME_CLAIM_WITHDRAWN");
        assertThat(lines.get(1).entry().beforeState()).contains("\"level\":\"F1\"").contains("\"endKind\":null");
        assertThat(lines.get(1).entry().afterState()).contains("\"endKind\":\"WITHDRAWN\"");
        // and it may be claimed again afterwards
        claim(id, tech, MASS_SCHEME, "E2", "re-assessed").andExpect(status().isOk())
                .andExpect(jsonPath("$.history.length()").value(2));
    }

    @Test
    void badInputIsA400ProblemNamingTheField() throws Exception {
        long id = massStandard("SC-INPUT");
        claim(id, tech, "JJG 9999-2099", "E1", "x").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("scheme"));
        claim(id, tech, MASS_SCHEME, "E9", "x").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
        // the gauge-block scheme does not fit a mass standard
        claim(id, tech, "JJG 2056-1990", "GRADE_1", "x").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheme"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("LENGTH")));
        claim(id, tech, MASS_SCHEME, "E1", " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        claim(id, tech, null, null, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheme"));
        withdraw(id, tech, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(dsl.fetchCount(STANDARD_SCHEME_CLAIM, STANDARD_SCHEME_CLAIM.STANDARD_ID.eq(id))).isZero();
    }

    @Test
    void onlyTheOwnersTechniciansAndAdministratorsChangeClaimsAndOthersAreToldNothingExists() throws Exception {
        long id = massStandard("SC-ACCESS");
        claim(id, otherTech, MASS_SCHEME, "E1", "not ours").andExpect(status().isNotFound());
        claim(id, labA, MASS_SCHEME, "E1", "not ours").andExpect(status().isForbidden());
        claim(id, officer, MASS_SCHEME, "E1", "not ours").andExpect(status().isForbidden());
        mvc.perform(get("/api/standards/{id}/scheme-claim", id).with(labA)).andExpect(status().isNotFound());
        claim(999_999_999L, tech, MASS_SCHEME, "E1", "x").andExpect(status().isNotFound());
        claim(id, tech, MASS_SCHEME, "E1", "ours").andExpect(status().isOk());
        withdraw(id, otherTech, "not ours").andExpect(status().isNotFound());
        assertThat(dsl.fetchCount(STANDARD_SCHEME_CLAIM, STANDARD_SCHEME_CLAIM.STANDARD_ID.eq(id)
                .and(STANDARD_SCHEME_CLAIM.ENDED_AT.isNull()))).isEqualTo(1);
    }

    @Test
    void theStandardsPageShowsTheClaimTheVerdictAndTheHistoryAndItsFormChangesTheClaim() throws Exception {
        long id = massStandard("SC-PAGE");
        var page = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("test-tech"));
        mvc.perform(get("/registry/standards/{id}", id).with(page).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scheme-claim-form\"")))
                .andExpect(content().string(containsString(MASS_SCHEME)))
                .andExpect(content().string(not(containsString("id=\"scheme-claim-withdrawal\""))));
        mvc.perform(post("/registry/standards/{id}/scheme-claim", id).with(page).with(csrf())
                        .param("scheme", MASS_SCHEME).param("level", "E1").param("reason", "from the page"))
                .andExpect(status().is3xxRedirection());
        String html = mvc.perform(get("/registry/standards/{id}", id).with(page).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"scheme-claim-withdrawal\"").contains("id=\"scheme-claim-history\"")
                .contains("from the page").contains("misplaced").contains("its uncertainty belongs to E2");
        // a refused form comes back to the page as a field error, not an error page
        mvc.perform(post("/registry/standards/{id}/scheme-claim/withdrawal", id).with(page).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("claimErrors"));
        mvc.perform(post("/registry/standards/{id}/scheme-claim/withdrawal", id).with(page).with(csrf())
                        .param("reason", "withdrawn on the page"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/registry/standards/{id}", id).with(page).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("在检定系统表中的位置")))
                .andExpect(content().string(containsString("已撤回")));
        // a lab is refused the form
        mvc.perform(post("/registry/standards/{id}/scheme-claim", id).with(csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername("test-lab-a")))
                        .param("scheme", MASS_SCHEME).param("level", "E1").param("reason", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStandardOfAQuantityWithoutASchemeHasNoSchemeAndCannotClaimAnother() throws Exception {
        long quantity = quantity("SC-INTERVAL", "时间间隔", "Time interval", "s");
        String itsDiscipline = dsl.select(DISCIPLINE.CODE).from(QUANTITY).join(DISCIPLINE)
                .on(DISCIPLINE.ID.eq(QUANTITY.DISCIPLINE_ID)).where(QUANTITY.ID.eq(quantity)).fetchOne().value1();
        long id = register("SC-NOSCHEME", itsDiscipline, "SC-INTERVAL", "s", "1000", "0.5");
        mvc.perform(get("/api/standards/{id}/scheme-claim", id).with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheme").doesNotExist())
                .andExpect(jsonPath("$.standing.verdict").value("NO_SCHEME"));
        claim(id, tech, MASS_SCHEME, "E1", "x").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scheme"));
        assertThat(dsl.fetchCount(MEASUREMENT_STANDARD, MEASUREMENT_STANDARD.ID.eq(id))).isEqualTo(1);
    }
}
