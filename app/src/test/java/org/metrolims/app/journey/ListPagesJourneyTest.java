package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.schedule.LabListFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every list page this round turned into a data table, in a real headless Chromium, in English and in Chinese, at
 * 1440 and 390 px: {@link PageCheck} finds each clean (no sideways scroll, no raw code, no float noise, no console
 * error), and its table, search and pager are there. Screenshots of each go to {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "lims.security.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ListPagesJourneyTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The pages this test's data fills (the others are checked with their empty state). */
    static final List<String> WITH_ROWS = List.of("/calibrations", "/schedule/due?asOf", "/coverage/demand",
            "/accounts", "/organizations", "/portal");

    static WebDriver browser;
    static Path profile;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("metrolims-chromium-");
        browser = PageCheck.chromium(profile);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        PageCheck.deleteProfile(profile);
    }

    @Test
    void everyListPageIsCleanInBothLanguagesOnADesktopAndAPhone() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        new LabListFixture(dsl, encoder);
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations")
                .with(httpBasic("test-tech", TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(f.draft()));
        StringBuilder demand = new StringBuilder(
                "region,quantity,range_low,range_high,unit,needed_uncertainty,demanded_from\n");
        for (int i = 1; i <= 60; i++) {
            demand.append("350000,CAL-TEST-LENGTH,0,").append(i).append(",m,0.00").append(i).append(",2025-01-01\n");
        }
        mvc.perform(MockMvcRequestBuilders.post("/api/coverage/demand")
                .with(httpBasic("test-officer", TestAccounts.PASSWORD)).contentType("text/csv")
                .content(demand.toString())).andExpect(status().isCreated());

        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("test-tech", List.of("/calibrations", "/certificates", "/schedule/due?asOf=2026-11-02&days=365",
                "/standards/" + f.standard + "/impact?foundOn=2026-01-01"));
        pages.put("test-officer", List.of("/coverage/demand?asOf=2026-01-01", "/pt/rounds"));
        pages.put("test-admin", List.of("/accounts", "/organizations"));
        pages.put(LabListFixture.USER, List.of("/portal", "/schedule/due", "/certificates"));
        for (var who : pages.entrySet()) {
            signIn(who.getKey());
            for (String lang : List.of("en", "zh-CN")) {
                for (String path : who.getValue()) {
                    PageCheck.width(browser, PageCheck.DESKTOP);
                    open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    assertThat(browser.findElements(By.cssSelector("form.table-search"))).as(path).isNotEmpty();
                    if (WITH_ROWS.stream().anyMatch(path::startsWith)) {
                        assertThat(browser.findElements(By.cssSelector("main table.table tbody tr"))).as(path)
                                .isNotEmpty();
                    }
                    PageCheck.assertClean(browser);
                    String name = who.getKey() + path.replaceAll("[^a-z]+", "-") + lang;
                    PageCheck.screenshot(browser, SCREENSHOTS.resolve("list-" + name + "-1440.png"));
                    PageCheck.width(browser, PageCheck.PHONE);
                    PageCheck.screenshot(browser, SCREENSHOTS.resolve("list-" + name + "-390.png"));
                }
            }
        }
        // the portal's table pages through all of the lab's instruments, its state in the URL
        signIn(LabListFixture.USER);
        PageCheck.width(browser, PageCheck.DESKTOP);
        open("/portal?lang=en");
        WebElement next = browser.findElement(By.cssSelector("#portal-instruments a[rel=next]"));
        next.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("page=1"));
        PageCheck.assertClean(browser);
    }

    private void signIn(String username) {
        PageCheck.signIn(browser, "http://localhost:" + port, username, TestAccounts.PASSWORD);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }
}
