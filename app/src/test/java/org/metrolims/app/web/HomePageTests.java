package org.metrolims.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.app.calibration.WorkNav;
import org.metrolims.calibration.record.WorkCounts;
import org.metrolims.calibration.standard.StandardCount;
import org.metrolims.calibration.standard.StandardCounts;
import org.metrolims.db.reference.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PageSliceTest(HomeController.class)
class HomePageTests {

    private static final LocalDate COUNTED_ON = LocalDate.of(2026, 11, 21);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    StandardCounts standardCounts;

    /** The technicians' navigation asks for the My work counts; this slice has no calibration records. */
    @MockitoBean(name = "workNav")
    WorkNav workNav;

    @BeforeEach
    void counts() {
        when(standardCounts.on(any(), any())).thenReturn(new StandardCount(COUNTED_ON, "350000", 1234, 212));
        when(workNav.counts()).thenReturn(WorkCounts.NONE);
    }

    @Test
    void sendsAnAnonymousVisitorToTheLoginPage() {
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    @WithMockUser(username = "tech", roles = "TECHNICIAN")
    void countsTheProvinceAsOfTodayThere() {
        assertThat(mvc.get().uri("/")).hasStatusOk();

        verify(standardCounts).on(LocalDate.now(ZoneId.of("Asia/Shanghai")), new RegionCode("350000"));
    }

    @Test
    @WithMockUser(username = "tech", roles = "TECHNICIAN")
    void showsBothCountsAgainstTheirTargetsWithTheGap() {
        assertThat(mvc.get().uri("/"))
                .hasStatusOk()
                .bodyText()
                .contains("Counted on 2026-11-21 for region 350000")
                .contains("<span class=\"stat-number\" id=\"stat-public-counted\">1,234</span>",
                        "of a target of 2,000", "766 still needed (62% of target reached)")
                .contains("<span class=\"stat-number\" id=\"stat-provincial-counted\">212</span>",
                        "of a target of 350", "138 still needed (61% of target reached)")
                .contains("its assessment certificate is valid on that date and its status is active");
    }

    @Test
    @WithMockUser(username = "tech", roles = "TECHNICIAN")
    void saysWhenATargetIsMet() {
        when(standardCounts.on(any(), any())).thenReturn(new StandardCount(COUNTED_ON, "350000", 2013, 350));

        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains("Target met (100% reached)")
                .doesNotContain("still needed");
    }

    @Test
    @WithMockUser(username = "officer", roles = "OFFICER")
    void rendersInChineseForAChineseBrowser() {
        assertThat(mvc.get().uri("/").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .bodyText()
                .containsPattern("<html[^>]*\\blang=\"zh-CN\"")
                .contains("工作台", "目标 2,000 项", "尚差 766 项", "计量标准考核证书");
    }

    @Test
    @WithMockUser(username = "officer", roles = "OFFICER")
    void showsTheProficiencyItemsToAnOfficer() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains(">PT rounds<", ">Coverage<")
                .doesNotContain(">My certificates<", ">Instruments<", ">Users<");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void showsALabItsOwnItemsAndNotTheOfficers() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains(">My certificates<", ">My PT results<")
                .doesNotContain(">PT rounds<", ">Coverage<", ">Instruments<", ">Users<");
    }

    @Test
    @WithMockUser(username = "tech", roles = "TECHNICIAN")
    void showsATechnicianTheCalibrationItems() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains(">Instruments<", ">Calibrations<", ">Due list<")
                .doesNotContain(">PT rounds<", ">My certificates<", ">Users<");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void showsAnAdministratorTheAdministrationItems() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains(">Users<", ">Organizations<", ">Reference data<")
                .doesNotContain(">PT rounds<", ">Instruments<");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void showsFeaturesNotBuiltYetAsComingSoonRatherThanAsBrokenLinks() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .containsPattern("(?s)<span class=\"nav-link is-soon\">\\s*<span>Reference data</span>\\s*"
                        + "<span class=\"soon-badge\">coming soon</span>")
                .containsPattern("<a class=\"nav-link\" href=\"/organizations\">Organizations</a>");
    }

    @Test
    @WithMockUser(username = "tech", roles = "TECHNICIAN")
    void showsATechnicianTheDueListAndCertificatesAsLinks() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .containsPattern("<a class=\"nav-link\" href=\"/schedule/due\">Due list</a>")
                .containsPattern("<a class=\"nav-link\" href=\"/certificates\">Certificates</a>");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void showsALabItsPortalCertificatesPtAndDueListAsLinks() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .containsPattern("<a class=\"nav-link\" href=\"/portal\">")
                .containsPattern("<a class=\"nav-link\" href=\"/schedule/due\">Due list</a>")
                .doesNotContain(">Instruments<");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void showsEveryoneHomeAndTheApiDocumentation() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .containsPattern("<a class=\"nav-link is-active\" href=\"/\" aria-current=\"page\">Home</a>")
                .contains("href=\"/swagger-ui.html\"");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void welcomesTheUserByRole() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .contains("Welcome, lab1.", "As a laboratory you download your certificates")
                .doesNotContain("As an accreditation officer");
    }

    @Test
    @WithMockUser(username = "lab1", roles = "LAB")
    void signsOutByAPostCarryingTheCsrfToken() {
        assertThat(mvc.get().uri("/"))
                .bodyText()
                .containsPattern("(?s)<form class=\"logout\" method=\"post\" action=\"/logout\">\\s*"
                        + "<input type=\"hidden\" name=\"_csrf\"");
    }
}
