package org.metrolims.app.standard;

import static org.metrolims.app.standard.RegistryApiFixture.instrumentJson;
import static org.metrolims.app.standard.RegistryApiFixture.standardJson;
import static org.metrolims.app.standard.RegistryApiFixture.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Registry exports no spreadsheet runs as a formula (issue 14 item 7), identifiers without control characters. */
@AppTest
class RegistryLimitsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);

    @BeforeEach
    void data() {
        RegistryApiFixture.ensure(dsl, encoder);
    }

    @Test
    void aLocationThatIsAFormulaIsExportedAsQuotedText() throws Exception {
        String sn = unique("FX");
        mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(instrumentJson("T-INST", sn).replace("\"天平室 101\"",
                                "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"").replace("\"rangeLow\":0,",
                                "\"rangeLow\":-5,")))
                .andExpect(status().isCreated());

        String csv = mvc.perform(get("/api/instruments/export.csv").param("q", sn).with(tech))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
                .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK")
                .contains("," + sn + ",-5,10.1,"); // a negative number stays a number
        // and imported back it is the location that was stored, without the quote the export added
        String reimported = unique("FX");
        mvc.perform(post("/api/instruments/import").with(tech).contentType("text/csv")
                        .content(csv.replace(sn, reimported).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/instruments").param("q", reimported).with(tech))
                .andExpect(jsonPath("$.items[0].location").value("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void controlCharactersInASerialNumberOrACodeAre400NamingTheField() throws Exception {
        mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(instrumentJson("T-INST", unique("SN") + "\\u0000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("serialNo")));
        mvc.perform(post("/api/instruments").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(instrumentJson("T-INST", unique("SN") + "\\rBEGIN:VEVENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("serialNo")));
        mvc.perform(post("/api/standards").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(standardJson(unique("STD") + "\\u0000", "T-INST")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("code")));
    }

    @Test
    void anImpossibleDateIs400NamingItRatherThanTheDatabaseRefusingIt() throws Exception {
        mvc.perform(post("/api/standards").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(standardJson(unique("STD"), "T-INST").replace("2020-05-01", "+10000-05-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("establishedOn")));
        mvc.perform(post("/api/standards").with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(standardJson(unique("STD"), "T-INST").replace("2020-05-01", "0001-05-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("establishedOn")));
    }
}
