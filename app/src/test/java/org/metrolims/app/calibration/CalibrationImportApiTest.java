package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.OFFICER;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code POST /api/calibrations/import}: up to a thousand drafts, all stored or none, each refused one named. */
@AppTest
class CalibrationImportApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    @Test
    void aTechnicianImportsDraftsAndGetsTheirIdsInOrderWithAnAuditLineEach() throws Exception {
        String json = importing(TECH, "[" + f.draft() + "," + f.draft() + "," + f.draft() + "]")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(3))
                .andReturn().getResponse().getContentAsString();

        List<Number> ids = JsonPath.read(json, "$.ids");
        assertThat(ids).hasSize(3);
        assertThat(ids.get(0).longValue()).isLessThan(ids.get(1).longValue());
        for (Number id : ids) {
            mvc.perform(get("/api/calibrations/{id}", id.longValue()).with(TECH)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("DRAFT"))
                    .andExpect(jsonPath("$.points[0].expandedUncertainty").value(0.00025));
            assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("calibration"),
                    AUDIT_EVENT.ENTITY_ID.eq(id.toString()), AUDIT_EVENT.ACTION.eq("CREATE"))).isEqualTo(1);
        }
    }

    @Test
    void refusedRecordsAre400NamingEachAndNothingIsStored() throws Exception {
        int before = dsl.fetchCount(CALIBRATION);
        String oneReading = f.draft("""
                {"nominal":10,"unit":"mm","readings":[10.0002],"components":[]}""");
        String wrongUnit = f.draft("""
                {"nominal":10,"unit":"mm","readings":[10.0002,10.0001],"tolerance":1,"toleranceUnit":"kg"}""");

        importing(TECH, "[" + f.draft() + "," + oneReading + "," + f.draft() + "," + wrongUnit + "]")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("records[1].points[0].readings"))
                .andExpect(jsonPath("$.errors[1].field").value("records[3].points[0].toleranceUnit"));
        assertThat(dsl.fetchCount(CALIBRATION)).isEqualTo(before);
    }

    @Test
    void anEmptyOrOversizedOrUnreadableImportIs400AndOnlyTechniciansImport() throws Exception {
        importing(TECH, "[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("records"));
        String many = "[" + String.join(",", Collections.nCopies(CalibrationApiController.MAX_IMPORT + 1, f.draft()))
                + "]";
        importing(TECH, many).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("records"));
        importing(TECH, "{}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        importing(OFFICER, "[" + f.draft() + "]").andExpect(status().isForbidden());
    }

    private ResultActions importing(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/calibrations/import").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
