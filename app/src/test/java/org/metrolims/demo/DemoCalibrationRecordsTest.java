package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The demo province's calibration records open for the people who have them: the performing institute's technician
 * (API, record page, revisions, signatures, approval of a submitted one) and the customer lab from its portal. Same
 * properties as the other small-demo tests, so the demo is loaded once for all of them.
 */
@SpringBootTest(classes = MetroLimsApplication.class, properties = {
        "lims.demo.enabled=true", "lims.demo.scale=0.02"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DemoCalibrationRecordsTest {

    static final String PASSWORD = "demo2026";

    @Autowired WebApplicationContext context;
    @Autowired DSLContext dsl;
    @Autowired UserDetailsService users;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theTechnicianOpensTheInstitutesDemoCalibrationsThroughTheApiAndTheRecordPage() throws Exception {
        long institute = orgOf("tech");
        String of = "select id from calibration where performing_organization_id = ? and status = ";
        List<Long> ids = List.of(
                idOf(of + "'APPROVED' order by calibrated_on, id limit 1", institute),
                idOf(of + "'APPROVED' order by calibrated_on desc, id desc limit 1", institute),
                idOf(of + "'SUBMITTED' order by calibrated_on desc, id desc limit 1", institute));
        assertThat(ids).hasSize(3);
        List<Boolean> withReadings = new java.util.ArrayList<>();
        for (long id : ids) {
            String json = mvc.perform(get("/api/calibrations/{id}", id).with(httpBasic("tech", PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<Map<String, Object>> points = JsonPath.read(json, "$.points");
            assertThat(points).as("points of %s", id).isNotEmpty().allSatisfy(p -> {
                assertThat(((Number) p.get("expandedUncertainty")).doubleValue()).isPositive();
                assertThat(p.get("mean")).isInstanceOf(Number.class);
                // a point has readings and their s, or neither (a result with mean and U only)
                assertThat(p.get("standardDeviation") == null).isEqualTo(((List<?>) p.get("readings")).isEmpty());
            });
            String page = mvc.perform(get("/calibrations/{id}", id).param("lang", "en")
                            .with(user(users.loadUserByUsername("tech"))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains((String) JsonPath.read(json, "$.calibrationNo"), "Standard deviation s");
            boolean measured = points.stream().noneMatch(p -> ((List<?>) p.get("readings")).isEmpty());
            withReadings.add(measured);
            if (measured) {
                assertThat(page).doesNotContain("No readings (imported result");
            } else {
                assertThat(page).contains("No readings (imported result");
            }
            mvc.perform(get("/api/calibrations/{id}/revisions", id).with(httpBasic("tech", PASSWORD)))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/calibrations/{id}/signatures", id).with(httpBasic("tech", PASSWORD)))
                    .andExpect(status().isOk());
        }
        // the oldest came over with mean and U only; the newest were measured here, with readings and budgets
        assertThat(withReadings).containsExactly(false, true, true);
        // the submitted one is approved by the institute's other technician
        long submitted = ids.getLast();
        String json = mvc.perform(get("/api/calibrations/{id}", submitted).with(httpBasic("tech", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        long performer = ((Number) JsonPath.read(json, "$.technicianId")).longValue();
        String approver = dsl.fetchValue("select username from app_user where organization_id = ? and id <> ?"
                + " and username in ('tech', 'reviewer')", institute, performer).toString();
        mvc.perform(post("/api/calibrations/{id}/approve", submitted).with(httpBasic(approver, PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + JsonPath.read(json, "$.version")
                                + ",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theLabOpensItsOwnDemoCalibrationsFromItsPortalAndAnotherLabDoesNot() throws Exception {
        String portal = mvc.perform(get("/portal").param("lang", "en").with(user(users.loadUserByUsername("lab1"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("/calibrations/(\\d+)").matcher(portal);
        assertThat(link.find()).as("the portal links the lab's calibrations").isTrue();
        long id = Long.parseLong(link.group(1));
        assertThat(((Number) dsl.fetchValue("select customer_organization_id from calibration where id = ?", id))
                .longValue()).isEqualTo(orgOf("lab1"));

        mvc.perform(get("/calibrations/{id}", id).with(user(users.loadUserByUsername("lab1"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/calibrations/{id}", id).with(httpBasic("lab1", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/calibrations/{id}/revisions", id).with(httpBasic("lab1", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/calibrations/{id}", id).with(user(users.loadUserByUsername("lab2"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/calibrations/{id}", id).with(httpBasic("lab2", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    private long idOf(String sql, Object bind) {
        return ((Number) dsl.fetchValue(sql, bind)).longValue();
    }

    private long orgOf(String username) {
        return ((Number) dsl.fetchValue("select organization_id from app_user where username = ?", username))
                .longValue();
    }
}
