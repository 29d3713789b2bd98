package org.metrolims.app.standard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.metrolims.app.standard.RegistryApiFixture.DISCIPLINE_CODE;
import static org.metrolims.app.standard.RegistryApiFixture.QUANTITY_CODE;
import static org.metrolims.app.standard.RegistryApiFixture.standardJson;
import static org.metrolims.app.standard.RegistryApiFixture.unique;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.Assertions;
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

@AppTest
class StandardsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);
    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor admin = httpBasic("test-admin", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);

    @BeforeEach
    void data() {
        RegistryApiFixture.ensure(dsl, encoder);
    }

    long register(String code, String owner, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(post("/api/standards").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content(standardJson(code, owner)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aTechnicianRegistersReadsAndCorrectsAStandardAndAStaleCorrectionIs409() throws Exception {
        String code = unique("API");
        long id = register(code, "T-INST", tech);

        mvc.perform(get("/api/standards/{id}", id).with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.certificate.expiresOn").value("2027-01-09"));
        String corrected = standardJson(code, "T-INST").replace("\"E2\"", "\"E1\"")
                .replaceFirst("\\{", "{\"version\":0,\"reason\":\"upgraded\",");
        mvc.perform(put("/api/standards/{id}", id).with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(corrected))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accuracyClass").value("E1"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/standards/{id}", id).with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content(corrected))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
    }

    @Test
    void badInputIsA400NamingEveryFieldAndNothingIsStored() throws Exception {
        String code = unique("BAD");
        String bad = standardJson(code, "T-INST")
                .replace("\"rangeLow\":0.000001", "\"rangeLow\":50")
                .replace("\"accuracyClass\":\"E2\"", "\"expandedUncertainty\":-1,\"coverageFactor\":2")
                .replace("\"region\":\"350000\"", "\"region\":\"990000\"")
                .replace("\"" + DISCIPLINE_CODE + "\"", "\"NO-SUCH\"")
                .replace("E2等级砝码标准装置", "长".repeat(201))
                .replace("\"expiresOn\":\"2027-01-09\"", "\"expiresOn\":\"2022-01-09\"");

        mvc.perform(post("/api/standards").with(tech).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rangeLow")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("expandedUncertainty")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("region")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("discipline")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("nameZh")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("certificate.expiresOn")));
        Assertions.assertThat(dsl.fetchExists(MEASUREMENT_STANDARD, MEASUREMENT_STANDARD.CODE.eq(code))).isFalse();
    }

    @Test
    void anUnreadableValueIsA400NamingItsField() throws Exception {
        String bad = standardJson(unique("ENUM"), "T-INST").replace("PROVINCIAL_PUBLIC", "GALACTIC");
        mvc.perform(post("/api/standards").with(tech).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void anOfficerReadsAllButMayNotWriteAndALabSeesOnlyItsOwnOrganizations() throws Exception {
        long institutes = register(unique("INST"), "T-INST", tech);
        long labs = register(unique("LAB"), "T-LAB-A", admin);

        mvc.perform(post("/api/standards").with(officer).contentType(MediaType.APPLICATION_JSON)
                        .content(standardJson(unique("OFF"), "T-INST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/standards/{id}", institutes).with(labA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/standards/{id}/history", institutes).with(labA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/standards/{id}", labs).with(labA)).andExpect(status().isOk());
        mvc.perform(get("/api/standards").param("size", "500").with(labA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) labs)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) institutes))));
        mvc.perform(post("/api/standards/{id}/status", labs).with(labA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SUSPENDED\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aStatusChangeAndARenewalShowInTheHistoryWithTheirAuditLines() throws Exception {
        long id = register(unique("HIST"), "T-INST", tech);

        mvc.perform(post("/api/standards/{id}/status", id).with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SUSPENDED\",\"effectiveFrom\":\"2025-01-01\",\"reason\":\"repair\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(post("/api/standards/{id}/assessment-certificates", id).with(tech)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"certificateNo\":\"R-" + id + "\",\"issuedOn\":\"2027-01-10\","
                                + "\"expiresOn\":\"2031-01-09\",\"issuer\":\"福建省市场监督管理局\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.certificate.certificateNo").value("R-" + id));

        mvc.perform(get("/api/standards/{id}/history", id).with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statuses[*].status", org.hamcrest.Matchers.contains("ACTIVE", "SUSPENDED")))
                .andExpect(jsonPath("$.statuses[1].reason").value("repair"))
                .andExpect(jsonPath("$.certificates.length()").value(2))
                .andExpect(jsonPath("$.audit[*].action",
                        org.hamcrest.Matchers.contains("REGISTER", "STATUS_SUSPENDED", "CERTIFICATE")))
                .andExpect(jsonPath("$.audit[1].actor").value("test-tech"));
    }

    @Test
    void statusDatesOutOfOrderAreA400() throws Exception {
        long id = register(unique("DATE"), "T-INST", tech);
        mvc.perform(post("/api/standards/{id}/status", id).with(tech).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"SUSPENDED\",\"effectiveFrom\":\"2019-01-01\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
    }

    @Test
    void filtersByDisciplineAndTextAndRefusesABadFilter() throws Exception {
        String code = unique("FIND");
        register(code, "T-INST", tech);
        mvc.perform(get("/api/standards").param("discipline", DISCIPLINE_CODE).param("q", code.toLowerCase())
                        .param("region", "350000").param("expiringWithinDays", "36500").with(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].code").value(code))
                .andExpect(jsonPath("$.items[0].quantity").value(QUANTITY_CODE));
        mvc.perform(get("/api/standards").param("level", "GALACTIC").with(officer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"));
    }

    @Test
    void thereIsNoDelete() throws Exception {
        long id = register(unique("DEL"), "T-INST", tech);
        mvc.perform(delete("/api/standards/{id}", id).with(admin)).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/standards/{id}", id).with(admin)).andExpect(status().isOk());
    }

    @Test
    void anImportWithOneBadRowImportsNothingAndReportsTheRowAndField() throws Exception {
        String a = unique("IMP");
        String b = unique("IMP");
        String header = "code,nameZh,nameEn,discipline,quantity,level,owner,region,rangeLow,rangeHigh,unit,"
                + "expandedUncertainty,coverageFactor,accuracyClass,establishedOn,certificateNo,certificateIssuedOn,"
                + "certificateExpiresOn,certificateIssuer\n";
        String good = a + ",砝码标准装置,Weights," + DISCIPLINE_CODE + "," + QUANTITY_CODE
                + ",CITY_PUBLIC,T-INST,350000,0,20,kg,,,E2,2020-05-01,,,,\n";
        String bad = b + ",砝码标准装置,Weights," + DISCIPLINE_CODE + "," + QUANTITY_CODE
                + ",CITY_PUBLIC,T-INST,350000,30,20,kg,,,E2,2020-05-01,,,,\n";

        mvc.perform(post("/api/standards/import").with(tech).contentType("text/csv")
                        .content((header + good + bad).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("rangeLow"));
        Assertions.assertThat(dsl.fetchExists(MEASUREMENT_STANDARD, MEASUREMENT_STANDARD.CODE.eq(a))).isFalse();

        mvc.perform(post("/api/standards/import").with(tech).contentType("text/csv")
                        .content((header + good + bad.replace(",30,20,", ",3,20,")).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));

        mvc.perform(get("/api/standards/export.csv").param("q", a).with(officer))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("standards.csv")))
                .andExpect(content().string(containsString(a + ",砝码标准装置,Weights")));
        byte[] xlsx = mvc.perform(get("/api/standards/export.xlsx").param("q", a).with(officer))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Assertions.assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
    }
}
