package org.metrolims.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH;
import static org.metrolims.app.calibration.CalibrationApiFixture.TECH_2;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The technician's and reviewer's pages around a record: an unfit reference standard refused and then overridden
 * with a reason, the reviewer's finding on the record page and in My work, the review queue without one's own
 * records, the record page by name.
 */
@AppTest
class CalibrationJourneyPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    CalibrationApiFixture f;

    @BeforeEach
    void data() {
        f = new CalibrationApiFixture(dsl, encoder);
    }

    RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    long standardValidUntil(LocalDate validUntil) {
        return f.standardValidUntil(dsl, validUntil);
    }

    String draftWith(long standard, String overrides) {
        return f.draft().replace("\"referenceStandardIds\":[" + f.standard + "]",
                "\"referenceStandardIds\":[" + standard + "]" + (overrides == null ? "" : ",\"referenceOverrides\":" + overrides));
    }

    @Test
    void anOverdueStandardIsRefusedNamingTheFieldInBothLanguagesAndAcceptedWithAReasonThePageShows() throws Exception {
        long overdue = standardValidUntil(LocalDate.of(2025, 3, 2)); // the drafts are calibrated on 2025-03-03
        String code = dsl.select(MEASUREMENT_STANDARD.CODE).from(MEASUREMENT_STANDARD)
                .where(MEASUREMENT_STANDARD.ID.eq(overdue)).fetchSingle().value1();

        mvc.perform(post("/api/calibrations").with(TECH).contentType(MediaType.APPLICATION_JSON)
                        .content(draftWith(overdue, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referenceStandardIds"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("overdue")));
        mvc.perform(post("/calibrations/drafts").param("lang", "zh-CN").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draftWith(overdue, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referenceStandardIds"))
                .andExpect(jsonPath("$.errors[0].message").value(code + " 已超期：其校准有效期至 2025-03-02"))
                .andExpect(jsonPath("$.unfit[0].standardId").value(overdue))
                .andExpect(jsonPath("$.unfit[0].overrideLabel").value(Matchers.startsWith("仍使用 " + code)));
        mvc.perform(post("/calibrations/drafts").param("lang", "en").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draftWith(overdue, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value(code + " is overdue: its calibration was valid until 2025-03-02"));
        mvc.perform(post("/calibrations/drafts").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draftWith(overdue, "[{\"standardId\":" + overdue + ",\"reason\":\" \"}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referenceOverrides[0].reason"));

        String json = mvc.perform(post("/calibrations/drafts").with(signedIn("test-tech")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(draftWith(overdue,
                                "[{\"standardId\":" + overdue + ",\"reason\":\"recalibrated on 2025-03-01, certificate in the post\"}]")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();

        assertThat(page("/calibrations/" + id, "test-tech", "en")).contains(
                "Reference standards used under a documented override", "recalibrated on 2025-03-01, certificate in the post",
                "calibration overdue", "href=\"/registry/standards/" + overdue + "\"", code + " · Overdue gauge blocks");
        assertThat(page("/calibrations/" + id, "test-tech", "zh-CN")).contains("经书面说明后使用的计量标准",
                "校准已过有效期", "经书面说明使用不满足条件的计量标准");
    }

    @Test
    void theRecordPageNamesWhatItIsAboutAndShowsPointsAsATable() throws Exception {
        long id = id(f.draft());
        String page = page("/calibrations/" + id, "test-tech", "en");
        assertThat(page).contains("Mitutoyo CAL-TEST #CAL-TEST-1", "href=\"/instruments/" + f.instrument + "\"",
                "CAL-TEST-STD · Gauge blocks", "href=\"/registry/standards/" + f.standard + "\"", "points-table",
                "Performed by").doesNotContain("[" + f.standard + "]");
    }

    @Test
    void aReturnedRecordShowsTheFindingOnItsPageInMyWorkAndInItsHistory() throws Exception {
        long id = id(f.draft());
        submit(id);
        mvc.perform(post("/calibrations/{id}/return", id).with(signedIn("test-tech-2")).with(csrf())
                        .param("version", "1").param("reason", "the 10 mm readings are from another gauge"))
                .andExpect(redirectedUrl("/calibrations/" + id));

        assertThat(page("/calibrations/" + id, "test-tech", "en")).contains("Returned with a finding",
                "the 10 mm readings are from another gauge", "Returned by test-tech-2",
                "History: returns, withdrawals, revisions", "Returned to the technician");
        assertThat(page("/calibrations/" + id, "test-tech", "zh-CN")).contains("审核退回意见", "退回技术人员");
        String work = page("/my-work", "test-tech", "en");
        assertThat(work).contains("Returned to me", "the 10 mm readings are from another gauge",
                "href=\"/calibrations/" + id + "\"", "class=\"nav-count");
        assertThat(page("/my-work", "test-tech", "zh-CN")).contains("退回给我的", "the 10 mm readings are from another gauge");
    }

    @Test
    void theReviewQueueAndMyWorkNeverOfferOnesOwnRecordForReview() throws Exception {
        long id = id(f.draft());
        submit(id);

        assertThat(page("/calibrations/review", "test-tech", "en")).doesNotContain("href=\"/calibrations/" + id + "\"");
        assertThat(page("/calibrations/review", "test-tech-2", "en")).contains("href=\"/calibrations/" + id + "\"");
        mvc.perform(get("/api/calibrations/review-queue").with(TECH))
                .andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) id))));
        mvc.perform(get("/api/calibrations/review-queue").with(TECH_2))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)));
        assertThat(section(page("/my-work", "test-tech", "en"), "to-review")).doesNotContain("/calibrations/" + id + "\"");
        assertThat(section(page("/my-work", "test-tech-2", "en"), "to-review")).contains("/calibrations/" + id + "\"");
    }

    @Test
    void myWorkTellsOtherRolesThereIsNoneForThem() throws Exception {
        assertThat(page("/my-work", "test-officer", "en")).contains("Calibration work is for technicians");
        assertThat(page("/my-work", "test-lab-a", "zh-CN")).contains("校准工作仅面向技术人员");
    }

    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        int to = page.indexOf("</section>", from);
        return page.substring(from, to);
    }

    private void submit(long id) throws Exception {
        mvc.perform(post("/api/calibrations/{id}/submit", id).with(TECH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isOk());
    }

    private String page(String path, String username, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).with(signedIn(username)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long id(String body) throws Exception {
        String json = mvc.perform(post("/api/calibrations").with(TECH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
