package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.ADMIN;
import static org.metrolims.app.calibration.CalibrationApiFixture.LAB_A;
import static org.metrolims.app.calibration.CalibrationApiFixture.LAB_B;
import static org.metrolims.app.calibration.CalibrationApiFixture.OFFICER;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH_2;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class CalibrationApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    @Test
    void aTechnicianDraftsACalibrationAndGetsItsPointsBudgetAndDecisionBack() throws Exception {
        create(TECH, f.draft())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.calibrationNo").value(Matchers.startsWith("T-INST-")))
                .andExpect(jsonPath("$.customerOrganizationId").value(f.labA))
                .andExpect(jsonPath("$.points[0].mean").value(Matchers.closeTo(10.0003, 1e-12)))
                .andExpect(jsonPath("$.points[0].expandedUncertainty").value(0.00025))
                .andExpect(jsonPath("$.points[0].coverageProbability").value(0.9545))
                .andExpect(jsonPath("$.points[0].components[0].name").value("repeatability"))
                .andExpect(jsonPath("$.points[0].components.length()").value(3))
                .andExpect(jsonPath("$.points[0].decisionRule").value("SIMPLE_ACCEPTANCE"))
                .andExpect(jsonPath("$.points[0].verdict").value("PASS"))
                .andExpect(jsonPath("$.conformity").value("PASS"));
    }

    @Test
    void theWholeWorkflowDraftSubmitApproveRevise() throws Exception {
        long id = id(create(TECH, f.draft()));
        step(TECH, id, "submit", 0).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(get("/api/calibrations/review-queue").with(TECH_2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)));
        step(TECH_2, id, "approve", 1).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.reviewerId").isNumber());

        long revision = id(mvc.perform(post("/api/calibrations/{id}/revisions", id).with(TECH)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":2,\"reason\":\"transcription error\",\"calibration\":" + f.draft() + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.supersedesId").value(id)));
        step(TECH, revision, "submit", 0).andExpect(status().isOk());
        step(TECH_2, revision, "approve", 1).andExpect(status().isOk());

        mvc.perform(get("/api/calibrations/{id}", id).with(OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.points.length()").value(1));
        mvc.perform(get("/api/calibrations/{id}/revisions", revision).with(ADMIN))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].revision", Matchers.contains(1, 2)));
    }

    @Test
    void eachRevisionIsShownOnlyToItsOwnCustomer() throws Exception {
        long labB = dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq("T-LAB-B")).fetchSingle()
                .value1();
        // an instrument of its own: lab B becomes a customer of its calibrations, and other tests count lab B's
        CalibrationApiFixture own = new CalibrationApiFixture(dsl, encoder, "CALREV", 906);
        long id = id(create(TECH, own.draft()));
        step(TECH, id, "submit", 0).andExpect(status().isOk());
        step(TECH_2, id, "approve", 1).andExpect(status().isOk());
        // the correction names another customer than revision 1 did
        String forLabB = own.draft().replaceFirst("\\{", "{\"customerOrganizationId\":" + labB + ",");
        long revision = id(mvc.perform(post("/api/calibrations/{id}/revisions", id).with(TECH)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":2,\"reason\":\"wrong customer\",\"calibration\":" + forLabB + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customerOrganizationId").value(labB)));

        mvc.perform(get("/api/calibrations/{id}/revisions", id).with(LAB_A))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].revision", Matchers.contains(1)));
        mvc.perform(get("/api/calibrations/{id}/revisions", revision).with(LAB_B))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].revision", Matchers.contains(2)));
        mvc.perform(get("/api/calibrations/{id}/revisions", revision).with(LAB_A)).andExpect(status().isNotFound());
        mvc.perform(get("/api/calibrations/{id}/revisions", id).with(LAB_B)).andExpect(status().isNotFound());
        mvc.perform(get("/api/calibrations/{id}/revisions", id).with(TECH))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].revision", Matchers.contains(1, 2)));
    }

    @Test
    void aReviewerReturnsASubmittedRecordAndATechnicianWithdrawsADraftBothWithAReason() throws Exception {
        long id = id(create(TECH, f.draft()));
        step(TECH, id, "submit", 0);

        expectField(mvc.perform(post("/api/calibrations/{id}/return", id).with(TECH_2)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}")), "reason");
        mvc.perform(post("/api/calibrations/{id}/return", id).with(TECH_2).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"reason\":\"point 2 reading mistyped\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/calibrations/{id}/withdraw", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"reason\":\"customer took the instrument back\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(post("/api/calibrations/{id}/withdraw", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":3,\"reason\":\"again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATUS"));
        mvc.perform(get("/api/calibrations/{id}", id).with(OFFICER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
    }

    @Test
    void aPointsBudgetCarriesCorrelationsThroughTheApi() throws Exception {
        String point = """
                {"nominal":10,"unit":"mm","readings":[10.0002,10.0004,10.0003],"tolerance":1,"toleranceUnit":"µm",
                 "components":[{"name":"reference","expandedUncertainty":0.0002,"coverageFactor":2},
                               {"name":"resolution","halfWidth":0.00005,"distribution":"rectangular"}],
                 "correlations":[{"a":"reference","b":"resolution","r":0.5}]}""";
        long id = id(create(TECH, f.draft(point)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.points[0].correlations[0].r").value(0.5)));
        mvc.perform(get("/api/calibrations/{id}", id).with(OFFICER))
                .andExpect(jsonPath("$.points[0].correlations[0].a").value("reference"));
        expectField(create(TECH, f.draft(point.replace("\"b\":\"resolution\"", "\"b\":\"nobody\""))),
                "points[0].correlations[0].b");
    }

    @Test
    void approvingOnesOwnCalibrationIs409() throws Exception {
        long id = id(create(TECH, f.draft()));
        step(TECH, id, "submit", 0);

        step(TECH, id, "approve", 1)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SELF_APPROVAL"))
                .andExpect(jsonPath("$.errors[0].field").value("reviewerId"));
    }

    @Test
    void editingAnApprovedRecordIs409() throws Exception {
        long id = id(create(TECH, f.draft()));
        step(TECH, id, "submit", 0);
        step(TECH_2, id, "approve", 1);

        mvc.perform(put("/api/calibrations/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":2,\"calibration\":" + f.draft() + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LOCKED"));
    }

    @Test
    void aStaleVersionIs409() throws Exception {
        long id = id(create(TECH, f.draft()));
        mvc.perform(put("/api/calibrations/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"calibration\":" + f.draft() + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        step(TECH, id, "submit", 0).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void badInputIs400NamingTheFieldAndStoresNothing() throws Exception {
        int before = dsl.fetchCount(CALIBRATION);
        expectField(create(TECH, f.draft("""
                {"nominal":10,"unit":"mm","readings":[10.0002],"components":[]}""")), "points[0].readings");
        expectField(create(TECH, f.draft("""
                {"nominal":10,"unit":"mm","readings":[10.0002,10.0001],"tolerance":1,"toleranceUnit":"kg"}""")),
                "points[0].toleranceUnit");
        expectField(create(TECH, f.draft("""
                {"nominal":10,"unit":"parsec-ish","readings":[10.0002,10.0001]}""")), "points[0].unit");
        expectField(create(TECH, f.draft(CalibrationApiFixture.POINT + ",{\"nominal\":20,\"unit\":\"mm\","
                + "\"readings\":[20,20.001],\"components\":[{\"name\":\"x\",\"standardUncertainty\":-1}]}")),
                "points[1].components[0].standardUncertainty");
        expectField(create(TECH, f.draft().replace("\"SIMPLE_ACCEPTANCE\"", "\"GUESSWORK\"")), "decisionRule");
        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(before);
    }

    @Test
    void aDraftUpdateOrRevisionWithoutItsCalibrationIs400NamingItNotA500() throws Exception {
        long id = id(create(TECH, f.draft()));
        expectField(mvc.perform(put("/api/calibrations/{id}", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")), "calibration");
        step(TECH, id, "submit", 0).andExpect(status().isOk());
        step(TECH_2, id, "approve", 1).andExpect(status().isOk());
        expectField(mvc.perform(post("/api/calibrations/{id}/revisions", id).with(TECH)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":2,\"reason\":\"A\"}")),
                "calibration");
    }

    @Test
    void onlyTechniciansWriteCalibrations() throws Exception {
        create(OFFICER, f.draft()).andExpect(status().isForbidden());
        create(LAB_A, f.draft()).andExpect(status().isForbidden());
    }

    @Test
    void aLabReadsOnlyTheCalibrationsItIsTheCustomerOf() throws Exception {
        long id = id(create(TECH, f.draft()));

        mvc.perform(get("/api/calibrations/{id}", id).with(LAB_A)).andExpect(status().isOk());
        mvc.perform(get("/api/calibrations/{id}", id).with(LAB_B)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/calibrations").param("instrumentId", Long.toString(f.instrument)).with(LAB_B))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/calibrations").param("instrumentId", Long.toString(f.instrument)).with(LAB_A))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)));
    }

    @Test
    void listsFilterByStatusAndDatesAndPage() throws Exception {
        long id = id(create(TECH, f.draft()));

        mvc.perform(get("/api/calibrations").with(OFFICER).param("status", "DRAFT").param("from", "2025-03-03")
                        .param("to", "2025-03-03").param("performingOrganizationId", Long.toString(f.institute))
                        .param("size", "500"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)))
                .andExpect(jsonPath("$.items[*].status", Matchers.everyItem(Matchers.is("DRAFT"))));
        mvc.perform(get("/api/calibrations").with(OFFICER).param("from", "2030-01-01"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/calibrations").with(OFFICER).param("status", "LOST"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/calibrations").with(OFFICER).param("size", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    private ResultActions create(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/calibrations").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions step(RequestPostProcessor who, long id, String step, int version) throws Exception {
        return mvc.perform(post("/api/calibrations/{id}/{step}", id, step).with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version
                        + (step.equals("approve") ? ",\"password\":\"" + TestAccounts.PASSWORD + "\"" : "") + "}"));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private static void expectField(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
