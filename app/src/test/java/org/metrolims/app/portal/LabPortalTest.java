package org.metrolims.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.LAB_MESSAGE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** A lab's home shows its own instruments with the due date of their latest approved calibration, and nobody else's. */
@AppTest
class LabPortalTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void theLabSeesItsInstrumentDueWhenItsApprovedCalibrationExpiresAndTheOtherLabDoesNot() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        var tech = httpBasic("test-tech", TestAccounts.PASSWORD);
        String json = mvc.perform(post("/api/calibrations").with(tech).contentType(MediaType.APPLICATION_JSON)
                .content(f.draft())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        mvc.perform(post("/api/calibrations/{id}/submit", id).with(tech).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
        mvc.perform(post("/api/calibrations/{id}/approve", id).with(httpBasic("test-tech-2", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}")).andExpect(status().isOk());
        String certificate = JsonPath.read(mvc.perform(post("/api/certificates").with(tech)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"calibrationId\":" + id + ",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.number");

        // a reminder the recall job left for lab A (HTML in it stays text)
        dsl.insertInto(LAB_MESSAGE).set(LAB_MESSAGE.ORGANIZATION_ID, f.labA).set(LAB_MESSAGE.KIND, "OVERDUE")
                .set(LAB_MESSAGE.SUBJECT, "1 calibration overdue <i>now</i>").set(LAB_MESSAGE.BODY, "Caliper CAL-TEST-1")
                .execute();

        String mine = mvc.perform(get("/portal").param("lang", "en").with(user(users.loadUserByUsername("test-lab-a"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("Instruments and due dates", "2026-03-02", "overdue",
                "/pt/my", "/certificates/" + certificate + ".pdf?revision=1",
                "1 calibration overdue &lt;i&gt;now&lt;/i&gt;").doesNotContain("No messages.");
        // the portal lists the lab's ten newest calibrations (other test classes on the shared schema add later ones
        // of lab A): exactly those the lab's own calibration list puts first, this one among them unless pushed out
        List<Integer> newest = JsonPath.read(mvc.perform(get("/api/calibrations").param("size", "10")
                        .with(httpBasic("test-lab-a", TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items[*].id");
        assertThat(newest).isNotEmpty();
        assertThat(mine).contains(newest.stream().map(n -> "/calibrations/" + n + "\"").toArray(String[]::new));
        if (!newest.contains((int) id)) {
            assertThat(mine).doesNotContain("/calibrations/" + id + "\"");
        }
        String theirs = mvc.perform(get("/portal").param("lang", "zh-CN")
                        .with(user(users.loadUserByUsername("test-lab-b"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(theirs).contains("器具及到期日期").doesNotContain("/calibrations/" + id).doesNotContain("2026-03-02")
                .doesNotContain(certificate).doesNotContain("1 calibration overdue");
    }

    @Test
    void onlyLabsHaveAPortal() throws Exception {
        mvc.perform(get("/portal").with(user(users.loadUserByUsername("test-tech")))).andExpect(status().isForbidden());
    }
}
