package org.metrolims.app.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.LOGIN_FAILURE;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Electronic signatures are no password oracle: the password is checked before any work is done, a wrong one counts
 * as a failed login, and a locked account signs nothing, even with the right password. Each test signs as an account
 * of its own, so that its count is its own.
 */
@AppTest
class SignatureThrottleTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired CalibrationRecords records;
    @Autowired UserDetailsService users;

    CalibrationApiFixture fixture;

    @BeforeEach
    void data() {
        fixture = new CalibrationApiFixture(dsl, encoder, "SIGT", 913);
    }

    @Test
    void aWrongPasswordIsRefusedBeforeACertificateIsWrittenOrRenderedAndCountsAsAFailedLogin() throws Exception {
        String signer = technician("sig-a");
        long calibration = approvedCalibration();
        long nextCertificateId = nextId("certificate");

        mvc.perform(post("/api/certificates").with(session(signer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"wrong-1\"}".formatted(calibration)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));

        // no certificate row was ever inserted (and so none rendered): not even one rolled back, which would have
        // used up an id of the table's counter
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(calibration))).isZero();
        assertThat(nextId("certificate")).isEqualTo(nextCertificateId);
        assertThat(failures(signer, "SIGNATURE")).isEqualTo(1);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(signer)
                .and(AUDIT_EVENT.ACTION.eq("SIGNATURE_REFUSED")))).isEqualTo(1);

        // the right password issues it (the refusal above left nothing behind to get in the way)
        mvc.perform(post("/api/certificates").with(session(signer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(calibration,
                                TestAccounts.PASSWORD)))
                .andExpect(status().isCreated());
        assertThat(failures(signer, "SIGNATURE")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordAtApprovalChangesNothingAndCountsAsAFailedLogin() throws Exception {
        String signer = technician("sig-b");
        long submitted = submittedCalibration();
        mvc.perform(post("/api/calibrations/{id}/approve", submitted).with(session(signer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"password\":\"wrong-2\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"));
        assertThat(dsl.select(CALIBRATION.STATUS, CALIBRATION.VERSION).from(CALIBRATION)
                .where(CALIBRATION.ID.eq(submitted)).fetchSingle().value1()).isEqualTo("SUBMITTED");
        assertThat(failures(signer, "SIGNATURE")).isEqualTo(1);
        // a missing password guesses nothing: refused, not counted
        mvc.perform(post("/api/calibrations/{id}/approve", submitted).with(session(signer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isForbidden());
        assertThat(failures(signer, "SIGNATURE")).isEqualTo(1);
    }

    @Test
    void threeWrongSignaturesAndTwoWrongLoginsLockTheAccountAgainstTheRightPasswordEverywhere() throws Exception {
        String signer = technician("sig-c");
        long calibration = approvedCalibration();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/certificates").with(session(signer)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"calibrationId\":%d,\"password\":\"guess-%d\"}".formatted(calibration, i)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("SIGNATURE_REFUSED"));
        }
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/login").param("username", signer).param("password", "guess-login-" + i).with(csrf()))
                    .andExpect(unauthenticated());
        }

        // locked: the right password is refused at the login form, over HTTP Basic and at signing
        mvc.perform(post("/login").param("username", signer).param("password", TestAccounts.PASSWORD).with(csrf()))
                .andExpect(unauthenticated());
        mvc.perform(get("/api/version").with(httpBasic(signer, TestAccounts.PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/certificates").with(session(signer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(calibration,
                                TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"))
                .andExpect(jsonPath("$.lockedUntil").isNotEmpty())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("locked")))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(calibration))).isZero();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq(signer)
                .and(AUDIT_EVENT.ACTION.eq("LOGIN_LOCKED")))).isEqualTo(2);
        // the refusals during the lock are not counted as further failures
        assertThat(failures(signer, "SIGNATURE")).isEqualTo(3);
        assertThat(failures(signer, "LOGIN")).isEqualTo(2);
    }

    @Test
    void theApprovalPageSaysWhenTheAccountIsLocked() throws Exception {
        String signer = technician("sig-d");
        long submitted = submittedCalibration();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/calibrations/{id}/approve", submitted).with(session(signer)).with(csrf())
                            .param("version", "1").param("password", "guess-" + i))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("signatureRefused", true));
        }
        mvc.perform(post("/calibrations/{id}/approve", submitted).with(session(signer)).with(csrf())
                        .param("version", "1").param("password", TestAccounts.PASSWORD))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("signatureLocked", true));
        assertThat(dsl.select(CALIBRATION.STATUS).from(CALIBRATION).where(CALIBRATION.ID.eq(submitted))
                .fetchSingle().value1()).isEqualTo("SUBMITTED");
    }

    /** A signed-in session of the account (no login on this request, as in a browser after signing in). */
    private RequestPostProcessor session(String username) {
        return user(users.loadUserByUsername(username));
    }

    private int failures(String username, String via) {
        return dsl.fetchCount(LOGIN_FAILURE, LOGIN_FAILURE.USERNAME.eq(username).and(LOGIN_FAILURE.VIA.eq(via)));
    }

    /** The id the table's AUTO_INCREMENT counter gives next; a rolled-back insert moves it on too. */
    private long nextId(String table) {
        return dsl.resultQuery("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = {0}", org.jooq.impl.DSL.val(table)).fetchSingle().get(0, Long.class);
    }

    private String technician(String prefix) {
        String username = prefix + "-" + System.nanoTime() % 1_000_000;
        long id = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, encoder.encode(TestAccounts.PASSWORD)).set(APP_USER.DISPLAY_NAME, username)
                .set(APP_USER.ORGANIZATION_ID, fixture.institute).returningResult(APP_USER.ID).fetchSingle().value1();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "TECHNICIAN").execute();
        return username;
    }

    private long submittedCalibration() {
        var tech = actor("test-tech");
        var c = records.draft(tech, new CalibrationDraft(fixture.instrument, null, "JJG 30-2012",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), LocalDate.of(2027, 3, 2),
                List.of(fixture.standard), 20.1, 45.0, InstrumentCondition.IN_TOLERANCE,
                InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE, null, null,
                List.of(new PointInput(10.0, "mm", List.of(10.0002, 10.0004, 10.0003), 1.0, "µm",
                        List.of(ComponentInput.expanded("reference", 0.0002, 2))))));
        return records.submit(tech, c.id(), c.version()).id();
    }

    private long approvedCalibration() {
        long id = submittedCalibration();
        return records.approve(actor("test-tech-2"), id, 1).id();
    }

    private Actor actor(String username) {
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
        return new Actor(id, username, fixture.institute, "T-INST", true, false);
    }
}
