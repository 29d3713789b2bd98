package org.metrolims.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.metrolims.db.jooq.Tables.USER_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class ScheduleApiTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);
    RequestPostProcessor schedLab = httpBasic("sched-lab", TestAccounts.PASSWORD);
    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor otherTech = httpBasic(TestAccounts.OTHER_TECHNICIAN, TestAccounts.PASSWORD);

    static long lab, institute, type, discipline, overdue, soon;

    @BeforeEach
    void data() {
        ensure();
    }

    private synchronized void ensure() {
        TestAccounts.ensureOtherTechnician(dsl, encoder);
        if (dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq("SCH-LAB"))) {
            return;
        }
        long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
        institute = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-INST")).fetchSingle().value1();
        lab = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, "SCH-LAB").set(ORGANIZATION.NAME_ZH, "排程实验室")
                .set(ORGANIZATION.NAME_EN, "Schedule lab").set(ORGANIZATION.KIND, "ENTERPRISE")
                .set(ORGANIZATION.REGION_ID, province).returningResult(ORGANIZATION.ID).fetchSingle().value1();
        long user = dsl.insertInto(APP_USER).set(APP_USER.USERNAME, "sched-lab").set(APP_USER.PASSWORD_HASH,
                encoder.encode(TestAccounts.PASSWORD)).set(APP_USER.DISPLAY_NAME, "sched-lab")
                .set(APP_USER.ORGANIZATION_ID, lab).returningResult(APP_USER.ID).fetchSingle().value1();
        dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, user).set(USER_ROLE.ROLE, "LAB").execute();
        discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "SCH-THERMAL").set(DISCIPLINE.NAME_ZH, "热学")
                .set(DISCIPLINE.NAME_EN, "Thermal").set(DISCIPLINE.SORT_ORDER, 98)
                .returningResult(DISCIPLINE.ID).fetchSingle().value1();
        long q = dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, discipline).set(QUANTITY.CODE, "SCH-TEMP")
                .set(QUANTITY.NAME_ZH, "温度").set(QUANTITY.NAME_EN, "temperature").set(QUANTITY.SI_UNIT, "K")
                .set(QUANTITY.SI_UNIT_NAME, "kelvin").returningResult(QUANTITY.ID).fetchSingle().value1();
        type = dsl.insertInto(INSTRUMENT_TYPE).set(INSTRUMENT_TYPE.CODE, "SCH-THERMO").set(INSTRUMENT_TYPE.NAME_ZH, "温度计")
                .set(INSTRUMENT_TYPE.NAME_EN, "Thermometer").set(INSTRUMENT_TYPE.QUANTITY_ID, q)
                .set(INSTRUMENT_TYPE.DEFAULT_INTERVAL_MONTHS, 12).returningResult(INSTRUMENT_TYPE.ID).fetchSingle().value1();
        long techId = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-tech")).fetchSingle().value1();
        long reviewerId = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq("test-officer")).fetchSingle().value1();
        overdue = instrument("SCH-1");
        calibrate(overdue, LocalDate.of(2025, 10, 20), techId, reviewerId);
        soon = instrument("SCH-2");
        calibrate(soon, LocalDate.of(2025, 11, 20), techId, reviewerId);
        long later = instrument("SCH-3");
        calibrate(later, LocalDate.of(2026, 6, 1), techId, reviewerId);
    }

    private long instrument(String serial) {
        return dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, lab).set(INSTRUMENT.INSTRUMENT_TYPE_ID, type)
                .set(INSTRUMENT.MANUFACTURER, "Fluke").set(INSTRUMENT.MODEL, "1524").set(INSTRUMENT.SERIAL_NO, serial)
                .set(INSTRUMENT.UNIT, "K").returningResult(INSTRUMENT.ID).fetchSingle().value1();
    }

    private void calibrate(long instrument, LocalDate on, long techId, long reviewerId) {
        dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "SCH-C-" + instrument)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, lab)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, institute).set(CALIBRATION.PROCEDURE_CODE, "JJG 160-2007")
                .set(CALIBRATION.CALIBRATED_ON, on).set(CALIBRATION.VALID_UNTIL, on.plusYears(1))
                .set(CALIBRATION.TECHNICIAN_ID, techId).set(CALIBRATION.REVIEWER_ID, reviewerId)
                .set(CALIBRATION.APPROVED_AT, on.atTime(16, 0).toInstant(java.time.ZoneOffset.UTC)).set(CALIBRATION.STATUS, "APPROVED")
                .set(CALIBRATION.AS_FOUND, "IN_TOLERANCE").execute();
    }

    @Test
    void aTechnicianListsALabsOverdueAndDueSoonItemsEarliestFirst() throws Exception {
        mvc.perform(get("/api/schedule/due").with(tech).param("lab", "" + lab).param("within", "P30D")
                        .param("asOf", AS_OF.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].instrumentId").value(overdue))
                .andExpect(jsonPath("$.items[0].overdue").value(true))
                .andExpect(jsonPath("$.items[0].dueOn").value("2026-10-20"))
                .andExpect(jsonPath("$.items[1].instrumentId").value(soon))
                .andExpect(jsonPath("$.items[1].overdue").value(false));
    }

    @Test
    void aLabUserSeesOnlyItsOwnAndAnotherLabIsNotFound() throws Exception {
        mvc.perform(get("/api/schedule/due").with(schedLab).param("within", "P1Y").param("asOf", AS_OF.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].ownerId", Matchers.everyItem(Matchers.is((int) lab))))
                .andExpect(jsonPath("$.totalItems").value(3));
        long other = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-A")).fetchSingle().value1();
        mvc.perform(get("/api/schedule/due").with(schedLab).param("lab", "" + other))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/schedule/labs/{id}/calendar.ics", lab).with(labA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/schedule/messages").with(schedLab)).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
    }

    @Test
    void badOrNegativeWithinAndAnUnknownLabAreProblems() throws Exception {
        for (String within : new String[] {"P-5D", "PT-2H", "thirty days"}) {
            mvc.perform(get("/api/schedule/due").with(tech).param("within", within))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("within"));
        }
        mvc.perform(get("/api/schedule/due").with(tech).param("lab", "987654321"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/schedule/due").with(tech).param("within", "PT720H").param("lab", "" + lab)
                        .param("asOf", AS_OF.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(2));
    }

    @Test
    void zeroIntervalsAndNegativeCapacitiesAreRejectedNamingTheField() throws Exception {
        mvc.perform(put("/api/schedule/procedures/{code}/interval", "JJG 160-2007").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("intervalMonths"));
        mvc.perform(put("/api/schedule/standards/{id}/interval", 987654321).with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":-3}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/schedule/labs/{id}/capacities/{d}", institute, discipline).with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeklyCapacity\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weeklyCapacity"));
        // a lab user never sets capacities: refused by role before the body is read
        mvc.perform(put("/api/schedule/labs/{id}/capacities/{d}", institute, discipline).with(schedLab)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeklyCapacity\":5}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theInstitutesPlanLevelsItsDueWorkAndTheCalendarParsesBack() throws Exception {
        mvc.perform(put("/api/schedule/labs/{id}/capacities/{d}", institute, discipline).with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeklyCapacity\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['" + discipline + "']").value(1));
        mvc.perform(get("/api/schedule/labs/{id}/plan", institute).with(tech).param("weeks", "12")
                        .param("from", AS_OF.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstWeek").value("2026-11-02"))
                .andExpect(jsonPath("$.jobs[?(@.instrumentId == " + overdue + ")].weekStart").value("2026-11-02"))
                .andExpect(jsonPath("$.jobs[?(@.instrumentId == " + soon + ")].weekStart").value("2026-11-16"));
        String ics = mvc.perform(get("/api/schedule/labs/{id}/calendar.ics", lab).with(schedLab))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(unfolded.split("\r\n")).filteredOn(l -> l.startsWith("DTSTART;VALUE=DATE:"))
                .contains("DTSTART;VALUE=DATE:20261020");
    }

    @Test
    void intervalAnalysisOfATypeAndDecisionsOnlyByOfficersAndAdministrators() throws Exception {
        mvc.perform(get("/api/instrument-types/{id}/interval-analysis", type).with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.typeCode").value("SCH-THERMO"))
                .andExpect(jsonPath("$.currentMonths").value(12))
                .andExpect(jsonPath("$.analysis.warnings", Matchers.hasItem("TOO_FEW_RESULTS")));
        mvc.perform(get("/api/instrument-types/{id}/interval-analysis", 987654321).with(tech))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/instrument-types/{id}/interval-analysis", type).with(tech).param("target", "1.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reliabilityTarget"));
        mvc.perform(post("/api/instrument-types/{id}/interval-decisions", type).with(schedLab)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ACCEPTED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/instrument-types/{id}/interval-decisions", type).with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ACCEPTED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/instrument-types/{id}/interval-decisions", type).with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
    }

    @Test
    void theDueListPageShowsALabsItemsAndTheIntervalPageDrawsTheChartAndTakesADecision() throws Exception {
        mvc.perform(get("/schedule/due").with(user(users.loadUserByUsername("test-tech"))).param("lab", "" + lab)
                        .param("asOf", AS_OF.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("SCH-1")))
                .andExpect(content().string(Matchers.containsString("calendar.ics")));
        mvc.perform(get("/schedule/labs/{id}/plan", institute).with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isOk());
        mvc.perform(get("/schedule/intervals/{id}", type).with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<svg")))
                .andExpect(content().string(Matchers.containsString("Too few results")))
                .andExpect(content().string(Matchers.containsString("No interval can be recommended")))
                // too little history: it says so and proposes nothing, not even the simple response's "+10 % / −83.6 %"
                .andExpect(content().string(Matchers.containsString("id=\"too-little-history\"")))
                .andExpect(content().string(Matchers.containsString("Too little history")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("83.6"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Simple response"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"decide-form\""))));
        // one calibration per instrument: no interval has ended yet, so there is nothing to decide on
        mvc.perform(post("/schedule/intervals/{id}/decision", type).with(user(users.loadUserByUsername("test-tech")))
                        .with(csrf()).param("decision", "REJECTED").param("reason", "too few data"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/schedule/intervals/{id}/decision", type).with(user(users.loadUserByUsername("test-officer")))
                        .with(csrf()).param("decision", "REJECTED").param("reason", "too few data"))
                .andExpect(status().isConflict());
    }

    @Test
    void aTechnicianOfAnotherOrganizationFindsNoStandardToMoveTheDueDatesOf() throws Exception {
        long standard = new CalibrationApiFixture(dsl, encoder, "SCHA", 97).standard;
        mvc.perform(put("/api/schedule/standards/{id}/interval", standard).with(otherTech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":1}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(standardInterval(standard)).isNull();
        // the owner's technician sets it, and the change is audited with who, before and after
        mvc.perform(put("/api/schedule/standards/{id}/interval", standard).with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":6}"))
                .andExpect(status().isOk());
        assertThat(standardInterval(standard)).isEqualTo(6);
        var line = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("measurement_standard"))
                .and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(standard))).orderBy(AUDIT_EVENT.ID.desc()).limit(1)
                .fetchSingle();
        assertThat(line.getActor()).isEqualTo("test-tech");
        assertThat(line.getAfterState()).contains("6");
        // another organization's capacities are not found to a technician either
        mvc.perform(put("/api/schedule/labs/{id}/capacities/{d}", institute, discipline).with(otherTech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeklyCapacity\":50}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void procedureIntervalsAreProvinceWideAndSetByOfficersOrAdministratorsWithAnAuditLine() throws Exception {
        mvc.perform(put("/api/schedule/procedures/{code}/interval", "JJG 160-2007").with(tech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/schedule/procedures/{code}/interval", "JJG 160-2007").with(otherTech)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":1}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/schedule/procedures/{code}/interval", "SCH-PROC-1").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"intervalMonths\":18}"))
                .andExpect(status().isOk());
        var line = dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ENTITY_TYPE.eq("procedure_interval"))
                .and(AUDIT_EVENT.ENTITY_ID.eq("SCH-PROC-1")).fetchSingle();
        assertThat(line.getActor()).isEqualTo("test-officer");
        assertThat(line.getOccurredAt()).isNotNull();
        assertThat(line.getAfterState()).contains("18");
    }

    private Integer standardInterval(long standard) {
        return dsl.select(MEASUREMENT_STANDARD.CALIBRATION_INTERVAL_MONTHS).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(standard)).fetchSingle().value1();
    }
}
