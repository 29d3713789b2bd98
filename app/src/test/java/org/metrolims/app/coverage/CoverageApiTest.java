package org.metrolims.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.CAPABILITY_DEMAND;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.QUANTITY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AppTest
class CoverageApiTest {

    static final String DISCIPLINE_CODE = "COV-MECH";
    static final String QUANTITY_CODE = "COV-MASS";

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    RequestPostProcessor officer = httpBasic("test-officer", TestAccounts.PASSWORD);
    RequestPostProcessor tech = httpBasic("test-tech", TestAccounts.PASSWORD);
    RequestPostProcessor labA = httpBasic("test-lab-a", TestAccounts.PASSWORD);

    @BeforeEach
    void data() {
        TestAccounts.ensure(dsl, encoder);
        if (!dsl.fetchExists(DISCIPLINE, DISCIPLINE.CODE.eq(DISCIPLINE_CODE))) {
            long d = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, DISCIPLINE_CODE).set(DISCIPLINE.NAME_ZH, "力学")
                    .set(DISCIPLINE.NAME_EN, "Mechanics").set(DISCIPLINE.SORT_ORDER, 98)
                    .returningResult(DISCIPLINE.ID).fetchOne().value1();
            dsl.insertInto(QUANTITY).set(QUANTITY.DISCIPLINE_ID, d).set(QUANTITY.CODE, QUANTITY_CODE)
                    .set(QUANTITY.NAME_ZH, "质量").set(QUANTITY.NAME_EN, "mass").set(QUANTITY.SI_UNIT, "kg")
                    .set(QUANTITY.SI_UNIT_NAME, "kilogram").execute();
        }
    }

    @Test
    void aDemandFileWithOneBadRowImportsNothingAndNamesTheRowAndField() throws Exception {
        int before = dsl.fetchCount(CAPABILITY_DEMAND);
        String csv = """
                region,quantity,range_low,range_high,unit,needed_uncertainty,demanded_from,demanded_until,note
                350000,COV-MASS,0,20,kg,0.001,2025-01-01,,balances of the province
                350000,COV-MASS,0,20,g,0.001,2025-01-01,,
                999999,NO-SUCH,5,1,kg,-1,2025-02-30,,
                """;
        mvc.perform(post("/api/coverage/demand").with(officer).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[?(@.row == 4)].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "region", "quantity", "range_high", "needed_uncertainty", "demanded_from")));
        assertThat(dsl.fetchCount(CAPABILITY_DEMAND)).isEqualTo(before);
    }

    @Test
    void anOfficerImportsDemandAndTheFiguresCountItWhileOthersMayNotImport() throws Exception {
        String csv = """
                region,quantity,range_low,range_high,unit,needed_uncertainty,demanded_from
                350000,COV-MASS,0,20,kg,0.001,2025-01-01
                350000,COV-MASS,0,1,kg,0.0001,2025-06-01
                """;
        mvc.perform(post("/api/coverage/demand").with(tech).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/coverage/demand").with(labA).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        int audits = dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("DEMAND_IMPORTED"));
        mvc.perform(post("/api/coverage/demand").with(officer).contentType("text/csv").content(csv))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported").value(2));
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("DEMAND_IMPORTED"))).isEqualTo(audits + 2);
        // nothing serves them: no standard of this quantity exists
        mvc.perform(get("/api/coverage").param("asOf", "2025-03-01").param("discipline", DISCIPLINE_CODE)
                        .with(tech))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.capabilityCoverage.numerator").value(0))
                .andExpect(jsonPath("$.figures.capabilityCoverage.gap").value(0.9))
                .andExpect(jsonPath("$.figures.traceabilityCoverage.target").value(0.95));
        mvc.perform(get("/api/coverage").param("asOf", "2025-03-01").param("discipline", DISCIPLINE_CODE)
                        .param("region", "35000x").with(tech))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }
}
