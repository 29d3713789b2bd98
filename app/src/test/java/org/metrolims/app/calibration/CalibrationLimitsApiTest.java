package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.POINT;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Collections;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A calibration draft beyond what a real lab records, or beyond what the database can hold, is a 400 naming the field
 * and stores nothing (issue 15 item 2): never a 500 from the database's own refusal.
 */
@AppTest
class CalibrationLimitsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    @Test
    void valuesTheDatabaseWouldRefuseAre400NamingTheFieldAndStoreNothing() throws Exception {
        refused(f.draft().replace("\"points\":[", "\"coverageProbability\":0.99999,\"points\":["),
                "coverageProbability");
        refused(f.draft(POINT.replace("\"tolerance\":1,", "\"tolerance\":1e30,")), "points[0].tolerance");
        refused(f.draft(POINT.replace("\"nominal\":10,", "\"nominal\":1e30,")), "points[0].nominal");
        refused(f.draft(POINT.replace("[10.0002,", "[1e30,")), "points[0].readings[0]");
        refused(f.draft(POINT.replace("\"halfWidth\":0.00005", "\"halfWidth\":1e30")),
                "points[0].components[1].halfWidth");
        refused(f.draft(POINT.replace("\"coverageFactor\":2", "\"coverageFactor\":5000")),
                "points[0].components[0].coverageFactor");
        refused(f.draft().replace("\"decisionRule\":\"SIMPLE_ACCEPTANCE\"",
                "\"decisionRule\":\"GUARDED_ACCEPTANCE_W_EQ_RU\",\"decisionRuleMultiplier\":1e9"), "decisionRuleMultiplier");
    }

    @Test
    void datesOutsideWhatALabRecordsAreRefused() throws Exception {
        refused(f.draft().replace("\"receivedOn\":\"2025-03-01\",", "").replace("2025-03-03", "0001-01-01")
                .replace("2026-03-02", "0001-06-01"), "calibratedOn");
        String tomorrowButOne = LocalDate.now().plusDays(3).toString();
        refused(f.draft().replace("2025-03-03", tomorrowButOne).replace("2026-03-02", "2030-01-01"), "calibratedOn");
        refused(f.draft().replace("2026-03-02", "2999-01-01"), "validUntil");
    }

    @Test
    void controlCharactersInTheProcedureCodeAreRefused() throws Exception {
        refused(f.draft().replace("JJG 30-2012", "JJG\\u000030-2012"), "procedureCode");
        refused(f.draft().replace("JJG 30-2012", "JJG 30\\r\\nBEGIN:VEVENT"), "procedureCode");
    }

    @Test
    void aUnitTheParserWouldRecurseOnIsRefusedNamingTheUnit() throws Exception {
        refused(f.draft(POINT.replace("\"unit\":\"mm\"", "\"unit\":\"kg^999999\"")), "points[0].unit");
        refused(f.draft(POINT.replace("\"unit\":\"mm\"", "\"unit\":\"m" + "/m".repeat(5_000) + "\"")),
                "points[0].unit");
        refused(f.draft(POINT.replace("\"toleranceUnit\":\"µm\"", "\"toleranceUnit\":\"m^-999999\"")),
                "points[0].toleranceUnit");
    }

    @Test
    void aPointOfMoreThan1000ReadingsAndADraftOfMoreThan500PointsAreRefused() throws Exception {
        String readings = "[" + "10.0002,".repeat(1_000) + "10.0003]";
        refused(f.draft(POINT.replace("[10.0002,10.0004,10.0003]", readings)), "points[0].readings");
        refused(f.draft(String.join(",", Collections.nCopies(501, POINT))), "points");
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            components.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i)
                    .append("\",\"standardUncertainty\":0.00001}");
        }
        refused(f.draft(POINT.replaceFirst("(?s)\"components\":\\[.*]}", "\"components\":[" + components + "]}")),
                "points[0].components");
    }

    @Test
    void theLimitsLeaveRoomForALargeRealCalibration() throws Exception {
        String readings = "[" + "10.0002,".repeat(999) + "10.0003]";
        String point = POINT.replace("[10.0002,10.0004,10.0003]", readings);
        mvc.perform(post("/api/calibrations").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content(f.draft(String.join(",", Collections.nCopies(50, point)))))
                .andExpect(status().isCreated());
    }

    private void refused(String body, String field) throws Exception {
        int calibrations = dsl.fetchCount(CALIBRATION);
        int points = dsl.fetchCount(MEASUREMENT_POINT);
        mvc.perform(post("/api/calibrations").with(TECH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)));
        assertThat(dsl.fetchCount(CALIBRATION)).as("calibrations after " + field).isEqualTo(calibrations);
        assertThat(dsl.fetchCount(MEASUREMENT_POINT)).as("points after " + field).isEqualTo(points);
    }
}
