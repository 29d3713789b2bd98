package org.metrolims.app.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.AppTest;
import org.metrolims.app.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The annual coverage report: officers and administrators download it; it prints what the API reports. */
@AppTest
class CoverageReportTest {

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(dsl, encoder);
    }

    @Test
    void anOfficerDownloadsTheReportWithTheFiguresTheApiReports() throws Exception {
        var officer = httpBasic("test-officer", TestAccounts.PASSWORD);
        String json = mvc.perform(get("/api/coverage").param("asOf", "2026-06-30").with(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int publicStandards = JsonPath.read(json, "$.figures.publicStandards.numerator");
        int demand = JsonPath.read(json, "$.figures.capabilityCoverage.denominator");

        byte[] pdf = mvc.perform(get("/api/coverage/report.pdf").param("asOf", "2026-06-30").with(officer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("coverage-350000-2026-06-30.pdf")))
                .andReturn().getResponse().getContentAsByteArray();

        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\R\\s*", " ");
            assertThat(text).contains("计量标准与量值溯源覆盖情况报告", "350000", "2026-06-30",
                    "社会公用计量标准 Public standards " + publicStandards + " 2000 " + publicStandards + " 2000",
                    "Page 1 of " + doc.getNumberOfPages());
            assertThat(text).contains(" " + demand + " ");
        }
    }

    @Test
    void onlyOfficersAndAdministratorsGetTheReportAndAnUnknownRegionIsNamed() throws Exception {
        mvc.perform(get("/api/coverage/report.pdf").with(httpBasic("test-tech", TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/coverage/report.pdf").with(httpBasic("test-lab-a", TestAccounts.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/coverage/report.pdf").param("region", "359999")
                        .with(httpBasic("test-officer", TestAccounts.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void theDashboardLinksTheReportForOfficersOnly() throws Exception {
        String forOfficer = mvc.perform(get("/coverage").param("asOf", "2026-06-30").param("lang", "en")
                        .with(user(users.loadUserByUsername("test-officer"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forOfficer).contains("/coverage/report.pdf?asOf=2026-06-30", "Annual coverage report (PDF)");
        String forTech = mvc.perform(get("/coverage").param("lang", "en")
                        .with(user(users.loadUserByUsername("test-tech"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forTech).doesNotContain("/coverage/report.pdf");
        mvc.perform(get("/coverage/report.pdf").with(user(users.loadUserByUsername("test-officer"))))
                .andExpect(status().isOk());
    }
}
