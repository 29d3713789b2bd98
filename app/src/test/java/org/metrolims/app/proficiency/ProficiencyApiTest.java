package org.metrolims.app.proficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.proficiency.PtApiFixture.FUTURE;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_A;
import static org.metrolims.app.proficiency.PtApiFixture.LAB_B;
import static org.metrolims.app.proficiency.PtApiFixture.OFFICER;
import static org.metrolims.app.proficiency.PtApiFixture.PAST;
import static org.metrolims.app.proficiency.PtApiFixture.TECH;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.proficiency.PtApiFixture.Dispatched;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class ProficiencyApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    PtApiFixture pt;

    @BeforeEach
    void data() {
        pt = new PtApiFixture(mvc, dsl, encoder);
    }

    @Test
    void aTechnicianHasNoAccessToProficiencyTesting() throws Exception {
        mvc.perform(get("/api/pt/rounds").with(TECH))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/pt/rounds/1/status").with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"OPEN\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aLabCannotScheduleRoundsOrMoveThem() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);

        mvc.perform(post("/api/pt/rounds/{id}/status", round).with(LAB_A).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"OPEN\"}")).andExpect(status().isForbidden());
    }

    @Test
    void datesOutOfOrderAre400NamingTheField() throws Exception {
        long scheme = pt.referenceScheme("PT-TEST");

        mvc.perform(post("/api/pt/rounds").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("""
                        {"schemeId":%d,"code":"%s","referenceValue":10.0,"referenceUncertainty":0.01,
                         "schedule":{"enrolmentOpensOn":"2026-01-01","enrolmentClosesOn":"2026-01-10",
                           "dispatchOn":"2026-01-11","submissionDeadline":"2026-01-05T12:00:00Z",
                           "reportDueOn":"2026-02-28"}}""".formatted(scheme, PtApiFixture.unique("R"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("submissionDeadline"));
    }

    @Test
    void skippingAStepOfTheLifecycleIs409WithTheRule() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);

        mvc.perform(post("/api/pt/rounds/{id}/status", round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SCORED\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        mvc.perform(post("/api/pt/rounds/{id}/status", round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SOMEWHERE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void enrolsOnlyLabsAccreditedForTheDisciplineAndEachOnce() throws Exception {
        long other = pt.round(pt.referenceScheme("PT-OTHER"), FUTURE);
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        pt.enrol(round, "T-LAB-A");

        enrol(other, "T-LAB-A").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("OUTSIDE_ACCREDITATION_SCOPE"));
        enrol(round, "T-LAB-A").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE_ENROLMENT"))
                .andExpect(jsonPath("$.errors[0].field").value("organizationCode"));
        mvc.perform(get("/api/pt/rounds/{id}/enrolments", round).with(OFFICER))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].organizationCode").value("T-LAB-A"))
                .andExpect(jsonPath("$[0].labCode", Matchers.matchesPattern("L\\d\\d")));
        mvc.perform(get("/api/pt/rounds/{id}/enrolments", other).with(OFFICER))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLabAppliesAndTheOfficerEnrolsIt() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        pt.move(round, "OPEN");

        String code = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/pt/rounds/{id}/enrolments", round)
                        .with(LAB_B))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.organizationCode").doesNotExist())
                .andReturn().getResponse().getContentAsString(), "$.labCode");
        mvc.perform(post("/api/pt/rounds/{id}/enrolments", round).with(LAB_B))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DUPLICATE_ENROLMENT"));

        mvc.perform(post("/api/pt/rounds/{id}/enrolments/{code}/decision", round, code).with(OFFICER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"ENROLLED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(jsonPath("$.decidedBy").value("test-officer"));
    }

    @Test
    void aLabSubmitsAndResubmitsAsNewRevisionsAndSeesOnlyItsOwn() throws Exception {
        Dispatched r = pt.dispatched(FUTURE);

        submit(r.round(), LAB_A, "{\"value\":10.01,\"standardUncertainty\":0.004,\"method\":\"comparator\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.labCode").value(r.codeA()));
        submit(r.round(), LAB_A, "{\"value\":10.02,\"expandedUncertainty\":0.01,\"coverageFactor\":2}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2));
        submit(r.round(), LAB_B, "{\"value\":9.99}").andExpect(status().isCreated());

        mvc.perform(get("/api/pt/rounds/{id}/results", r.round()).with(LAB_A))
                .andExpect(jsonPath("$[*].revision", Matchers.contains(1, 2)))
                .andExpect(jsonPath("$[*].labCode", Matchers.everyItem(Matchers.is(r.codeA()))));
        mvc.perform(get("/api/pt/rounds/{id}/enrolments", r.round()).with(LAB_A))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].labCode").value(r.codeA()))
                .andExpect(jsonPath("$[0].organizationCode").doesNotExist());
        mvc.perform(get("/api/pt/rounds/{id}/results", r.round()).with(OFFICER))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.labCode == '%s')].revision".formatted(r.codeA())).value(2));
    }

    @Test
    void badValuesAre400NamingTheFieldAndNothingIsStored() throws Exception {
        Dispatched r = pt.dispatched(FUTURE);

        submit(r.round(), LAB_A, "{\"value\":\"ten\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        submit(r.round(), LAB_A, "{\"value\":1e999}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        submit(r.round(), LAB_A, "{\"value\":10.0,\"standardUncertainty\":-0.1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("standardUncertainty"));
        submit(r.round(), LAB_A, "{\"value\":10.0,\"expandedUncertainty\":0.1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageFactor"));

        mvc.perform(get("/api/pt/rounds/{id}/results", r.round()).with(OFFICER))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aSubmissionToARoundTheLabIsNotEnrolledInIsRefused() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        pt.move(round, "OPEN");
        pt.enrol(round, "T-LAB-A");
        pt.move(round, "DISPATCHED");

        submit(round, LAB_B, "{\"value\":10.0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOT_ENROLLED"));
    }

    @Test
    void aSubmissionAfterTheDeadlineIsRefusedAndAnOfficerAcceptsItAsLate() throws Exception {
        Dispatched r = pt.dispatched(PAST);

        submit(r.round(), LAB_A, "{\"value\":10.0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DEADLINE_PASSED"));
        mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", r.round(), r.codeA()).with(LAB_A)
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":10.0,\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        late(r.round(), r.codeA(), 10.0)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true))
                .andExpect(jsonPath("$.acceptedBy").value("test-officer"));
    }

    @Test
    void scoresARoundAndShowsLabsOtherLabsByCodeOnlyOnceReported() throws Exception {
        Dispatched r = pt.dispatched(PAST);
        late(r.round(), r.codeA(), 10.05).andExpect(status().isCreated());
        late(r.round(), r.codeB(), 10.25).andExpect(status().isCreated());
        pt.move(r.round(), "CLOSED");

        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(LAB_A)).andExpect(status().isForbidden());
        mvc.perform(post("/api/pt/rounds/{id}/scoring", r.round()).with(OFFICER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round.status").value("SCORED"))
                .andExpect(jsonPath("$.round.summary.assignedValue").value(10.0))
                .andExpect(jsonPath("$.round.summary.sigmaPt").value(0.1))
                .andExpect(jsonPath("$.scores.length()").value(2));
        mvc.perform(get("/api/pt/rounds/{id}/scores", r.round()).with(OFFICER))
                .andExpect(jsonPath("$[?(@.organizationCode == 'T-LAB-B')].classification").value("QUESTIONABLE"));
        mvc.perform(get("/api/pt/rounds/{id}/scores", r.round()).with(LAB_A))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NOT_REPORTED"));

        pt.move(r.round(), "REPORTED");

        String asLab = mvc.perform(get("/api/pt/rounds/{id}/scores", r.round()).with(LAB_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.labCode == '%s')].own".formatted(r.codeA())).value(true))
                .andExpect(jsonPath("$[?(@.labCode == '%s')].z".formatted(r.codeB())).value(2.5))
                .andReturn().getResponse().getContentAsString();
        assertThat(asLab).doesNotContain("T-LAB-B", "organization");
        mvc.perform(get("/api/pt/my/history").with(LAB_B))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rounds[?(@.roundId == %d)].classification".formatted(r.round()))
                        .value("QUESTIONABLE"));
    }

    @Test
    void anOfficerRecordsHomogeneityDataAndSeesTheVerdict() throws Exception {
        long round = pt.round(pt.referenceScheme("PT-TEST"), FUTURE);
        String body = """
                {"study":"HOMOGENEITY","items":[[10.01,10.02],[10.00,10.01],[10.02,10.02],[9.99,10.00]]}""";

        mvc.perform(post("/api/pt/rounds/{id}/items", round).with(LAB_A).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/pt/rounds/{id}/items", round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sigmaPt").value(0.1))
                .andExpect(jsonPath("$.homogeneity.sufficient").value(true));
        mvc.perform(post("/api/pt/rounds/{id}/items", round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_RECORDED"));
    }

    private ResultActions enrol(long round, String org) throws Exception {
        return mvc.perform(post("/api/pt/rounds/{id}/enrolments", round).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON).content("{\"organizationCode\":\"" + org + "\"}"));
    }

    private ResultActions submit(long round, RequestPostProcessor lab, String json) throws Exception {
        return mvc.perform(post("/api/pt/rounds/{id}/results", round).with(lab)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions late(long round, String code, double value) throws Exception {
        return mvc.perform(post("/api/pt/rounds/{id}/results/{code}/late", round, code).with(OFFICER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"value\":" + value + ",\"reason\":\"courier delay\"}"));
    }
}
