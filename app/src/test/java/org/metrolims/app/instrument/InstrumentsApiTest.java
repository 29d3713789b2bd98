package org.metrolims.app.instrument;

import static org.metrolims.app.standard.RegistryApiFixture.TYPE_CODE;
import static org.metrolims.app.standard.RegistryApiFixture.instrumentJson;
import static org.metrolims.app.standard.RegistryApiFixture.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.standard.RegistryApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class InstrumentsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);
    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);

    @BeforeEach
    void data() {
        RegistryApiFixture.ensure(dsl, encoder);
    }

    @Test
    void aTechnicianRegistersAndCorrectsAnInstrumentAndAStaleCorrectionIs409() throws Exception {
        String sn = unique("SN");
        String created = mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(instrumentJson("T-INST", sn)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_SERVICE"))
                .andExpect(jsonPath("$.defaultIntervalMonths").value(12))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String moved = instrumentJson("T-INST", sn).replace("天平室 101", "天平室 202")
                .replaceFirst("\\{", "{\"version\":0,");

        mvc.perform(put("/api/instruments/{id}", id).with(tech).contentType(MediaType.APPLICATION_JSON).content(moved))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value("天平室 202"));
        mvc.perform(put("/api/instruments/{id}", id).with(tech).contentType(MediaType.APPLICATION_JSON).content(moved))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(get("/api/instruments/{id}", id).with(labA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/instruments").param("type", TYPE_CODE).param("q", sn).with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].serialNo", Matchers.contains(sn)));
    }

    @Test
    void badInputIsA400NamingTheFields() throws Exception {
        String bad = instrumentJson("T-LAB-B", unique("SN")).replace("\"rangeLow\":0", "\"rangeLow\":11")
                .replace("\"resolution\":0.000001", "\"resolution\":-1")
                .replace("\"" + TYPE_CODE + "\"", "\"NO-TYPE\"");
        mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field",
                        Matchers.containsInAnyOrder("rangeLow", "resolution", "type")));
    }

    @Test
    void aTechnicianMayNotRegisterForAnotherOrganization() throws Exception {
        mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(instrumentJson("T-LAB-B", unique("SN"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void importsACsvFileWithChineseTextAllOrNothing() throws Exception {
        String sn = unique("CSV");
        String csv = "owner,type,manufacturer,model,serialNo,unit,location\n"
                + "T-INST," + TYPE_CODE + ",赛多利斯,MSA," + sn + "-1,g,天平室\n"
                + "T-INST," + TYPE_CODE + ",赛多利斯,MSA," + sn + "-1,g,天平室\n";
        mvc.perform(post("/api/instruments/import").with(tech).contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("serialNo"));

        mvc.perform(post("/api/instruments/import").with(tech).contentType("text/csv")
                        .content(csv.replaceFirst("-1,g", "-2,g").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        mvc.perform(get("/api/instruments/export.csv").param("q", sn).with(tech))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("赛多利斯,MSA," + sn + "-1")));
    }
}
