package org.metrolims.app.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The pickers' options: found by what is typed, at most 20, and never another organization's object for a lab. */
@AppTest
class PickerOptionsTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    private ResultActions options(String kind, String q, String username) throws Exception {
        return mvc.perform(get("/options/" + kind).param("q", q).param("lang", "en")
                .with(user(users.loadUserByUsername(username)))).andExpect(status().isOk());
    }

    @Test
    void aTechnicianFindsAnInstrumentByPartOfItsSerialAndItsOwnerFollows() throws Exception {
        options("instruments", "al-test-1", "test-tech") // part of CAL-TEST-1 (other fixtures make BMAIL-TEST-1, …)
                .andExpect(jsonPath("$[0].id").value(f.instrument))
                .andExpect(jsonPath("$[0].label").value(startsWith("CAL-TEST-1 · ")))
                .andExpect(jsonPath("$[0].organizationId").value(f.labA));
        options("instruments", "c", "test-tech").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLabNeverSeesAnotherOrganizationsInstrument() throws Exception {
        options("instruments", "cal-test-1", "test-lab-a").andExpect(jsonPath("$[*].id", hasItem((int) f.instrument)));
        options("instruments", "cal-test-1", "test-lab-b").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLabNeverSeesAnotherOrganizationsStandard() throws Exception {
        options("standards", "cal-test-std", "test-tech")
                .andExpect(jsonPath("$[0].label").value("CAL-TEST-STD · Gauge blocks"));
        options("standards", "cal-test-std", "test-lab-a").andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aLabFindsOnlyItsOwnOrganizationAndATechnicianAnyCustomer() throws Exception {
        options("organizations", "T-LAB", "test-tech")
                .andExpect(jsonPath("$[*].code", hasItem("T-LAB-A"))).andExpect(jsonPath("$[*].code", hasItem("T-LAB-B")));
        options("organizations", "T-LAB", "test-lab-a")
                .andExpect(jsonPath("$[*].code", everyItem(org.hamcrest.Matchers.is("T-LAB-A"))))
                .andExpect(jsonPath("$[*].code", not(hasItem("T-LAB-B"))));
    }

    @Test
    void regionsAreFoundByNameOrCodeInThePagesLanguage() throws Exception {
        options("regions", "3500", "test-lab-a").andExpect(jsonPath("$[*].code", hasItem("350000")));
        mvc.perform(get("/options/regions").param("q", "福建").param("lang", "zh-CN")
                        .with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(jsonPath("$[*].code", hasItem("350000")));
    }
}
