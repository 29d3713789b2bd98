package org.metrolims.app.reference;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

@AppTest
class ReferenceDataApiTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);

    @BeforeEach
    void data() {
        TestAccounts.ensure(dsl, encoder);
        if (dsl.fetchExists(REGION, REGION.CODE.eq("350200"))) {
            return;
        }
        long province = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
        long xiamen = dsl.insertInto(REGION).set(REGION.CODE, "350200").set(REGION.NAME_ZH, "厦门市")
                .set(REGION.NAME_EN, "Xiamen").set(REGION.LEVEL, "CITY").set(REGION.PARENT_ID, province)
                .returningResult(REGION.ID).fetchOne().value1();
        dsl.insertInto(REGION).set(REGION.CODE, "350203").set(REGION.NAME_ZH, "思明区")
                .set(REGION.NAME_EN, "Siming").set(REGION.LEVEL, "COUNTY").set(REGION.PARENT_ID, xiamen).execute();
        long fuzhou = dsl.insertInto(REGION).set(REGION.CODE, "350100").set(REGION.NAME_ZH, "福州市")
                .set(REGION.NAME_EN, "Fuzhou").set(REGION.LEVEL, "CITY").set(REGION.PARENT_ID, province)
                .returningResult(REGION.ID).fetchOne().value1();
        dsl.insertInto(REGION).set(REGION.CODE, "350102").set(REGION.NAME_ZH, "鼓楼区")
                .set(REGION.NAME_EN, "Gulou").set(REGION.LEVEL, "COUNTY").set(REGION.PARENT_ID, fuzhou).execute();
        long length = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, "LENGTH").set(DISCIPLINE.NAME_ZH, "长度")
                .set(DISCIPLINE.NAME_EN, "Length").set(DISCIPLINE.SORT_ORDER, 1)
                .returningResult(DISCIPLINE.ID).fetchOne().value1();
        dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, length).set(QUANTITY.CODE, "LENGTH")
                .set(QUANTITY.NAME_ZH, "长度").set(QUANTITY.NAME_EN, "length").set(QUANTITY.SI_UNIT, "m")
                .set(QUANTITY.SI_UNIT_NAME, "metre").execute();
    }

    @Test
    void listsRegionsPagedWithIdsAndParentCodes() throws Exception {
        mvc.perform(get("/api/regions").param("size", "2").with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").isNumber())
                .andExpect(jsonPath("$.items[0].code").value("350000"))
                .andExpect(jsonPath("$.items[1].code").value("350100"))
                .andExpect(jsonPath("$.items[1].parentCode").value("350000"))
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void aCityIncludesItsCountiesAndNoOtherCity() throws Exception {
        mvc.perform(get("/api/regions").param("within", "350200").with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", Matchers.contains("350200", "350203")));
    }

    @Test
    void filtersOrganizationsByKind() throws Exception {
        mvc.perform(get("/api/organizations").param("kind", "ACCREDITED_LAB").with(tech))
                .andExpect(status().isOk())
                // other test classes on the shared schema add labs of their own: the two fixture labs are among
                // them, every item is an accredited lab, and the institutes are not among them
                .andExpect(jsonPath("$.items[*].code", Matchers.hasItems("T-LAB-A", "T-LAB-B")))
                .andExpect(jsonPath("$.items[*].code", Matchers.not(Matchers.hasItem("T-INST"))))
                .andExpect(jsonPath("$.items[*].kind", Matchers.everyItem(Matchers.is("ACCREDITED_LAB"))))
                .andExpect(jsonPath("$.items[?(@.code == 'T-LAB-A')].accreditationNumber", Matchers.contains("CNAS T0001")));
    }

    @Test
    void listsDisciplinesWithTheirQuantitiesAndSiUnits() throws Exception {
        mvc.perform(get("/api/disciplines").with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value("LENGTH"))
                .andExpect(jsonPath("$.items[0].nameZh").value("长度"))
                .andExpect(jsonPath("$.items[0].quantities[0].siUnit").value("m"));
    }

    @Test
    void aPageSizeOverTheLimitIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/regions").param("size", "100000").with(tech))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anUnknownLevelIsA400NamingTheFieldAndTheAllowedValues() throws Exception {
        mvc.perform(get("/api/regions").param("level", "GALAXY").with(tech))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("level"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("PROVINCE")));
    }

    @Test
    void aMalformedRegionCodeIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/organizations").param("region", "35x").with(tech))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("six digits")));
    }

    @Test
    void anUnknownApiPathIsA404ProblemNotAnErrorPage() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(tech))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
