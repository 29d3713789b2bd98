package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.metrolims.app.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The officer's pages on the demo province, as a browser shows them, in both languages at 1440 and 390 px
 * ({@link PageCheck}: no overflow, no raw codes, no float noise, no console errors): the coverage dashboard with its
 * tiles and interactive charts and its drill-down to a city, a standard's page with its chain diagram, a PT round;
 * and the lab's My PT. Screenshots of the dashboard and the standard page go to {@code target/officer-pages/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=true", "lims.demo.scale=0.02",
                "lims.security.login.max-failures-per-address=1000"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class OfficerPagesBrowserTest {

    static final List<String> LANGUAGES = List.of("en", "zh-CN");
    static final Path SHOTS = Path.of("target", "officer-pages");

    static WebDriver browser;
    static Path profile;

    @LocalServerPort int port;

    @BeforeAll
    static void startChromium() throws IOException {
        profile = Files.createTempDirectory("metrolims-officer-");
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
    void theDashboardShowsFourTilesAgainstTargetsWithChartsAndDrillsDownToACityKeepingTheDate() throws IOException {
        signIn("officer");
        for (String lang : LANGUAGES) {
            open("/coverage?asOf=2026-11-01&lang=" + lang);
            List<WebElement> tiles = browser.findElements(By.cssSelector("#figures .kpi"));
            assertThat(tiles).hasSize(4);
            for (WebElement tile : tiles) {
                assertThat(tile.getAttribute("class")).containsAnyOf("is-met", "is-short");
                // met or short in words and a sign, not colour alone
                assertThat(tile.findElement(By.className("kpi-badge")).getText()).matches("(?s)[✓✗].+");
            }
            String coverage = browser.findElement(By.id("kpi-traceabilityCoverage")).getText();
            assertThat(coverage).containsPattern("\\d+\\.\\d %").doesNotContainPattern("0\\.\\d{4}");
            waitForCharts(4);
            assertThat(browser.findElements(By.cssSelector("#disciplines tbody tr"))).isNotEmpty();
            screenshot("dashboard-" + lang);
            PageCheck.assertClean(browser);

            // city → its counties, on the same date
            browser.findElement(By.cssSelector("#cities tbody tr th a")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("region=35"));
            assertThat(browser.getCurrentUrl()).contains("asOf=2026-11-01");
            assertThat(browser.findElements(By.cssSelector(".region-path li"))).hasSize(2);
            assertThat(browser.findElement(By.name("asOf")).getAttribute("value")).isEqualTo("2026-11-01");
            waitForCharts(4);
            PageCheck.assertClean(browser);
        }
    }

    @Test
    void aStandardsPageShowsItsUncertaintyEquipmentChainSchemeAndHistory() throws IOException {
        signIn("officer");
        open("/registry/standards");
        String href = browser.findElement(By.cssSelector("main table tbody tr a[href*='/registry/standards/']"))
                .getAttribute("href");
        for (String lang : LANGUAGES) {
            browser.get(href + "?lang=" + lang);
            screenshot("standard-" + lang);
            PageCheck.assertClean(browser);
        }
    }

    @Test
    void aPtRoundAndTheLabsMyPtSpeakInLabels() {
        signIn("officer");
        open("/pt/rounds");
        String href = browser.findElement(By.cssSelector("main table tbody tr a[href*='/pt/rounds/']"))
                .getAttribute("href");
        for (String lang : LANGUAGES) {
            browser.get(href + "?lang=" + lang);
            PageCheck.assertClean(browser);
        }
        signIn("lab1");
        for (String lang : LANGUAGES) {
            open("/pt/my?lang=" + lang);
            PageCheck.assertClean(browser);
        }
    }

    private void waitForCharts(int n) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return document.querySelectorAll('.trend-chart svg').length")).intValue() >= n);
    }

    private void screenshot(String name) throws IOException {
        PageCheck.width(browser, PageCheck.DESKTOP);
        PageCheck.screenshot(browser, SHOTS.resolve(name + "-1440.png"));
        PageCheck.width(browser, PageCheck.PHONE);
        PageCheck.screenshot(browser, SHOTS.resolve(name + "-390.png"));
        PageCheck.width(browser, PageCheck.DESKTOP);
    }

    private void signIn(String username) {
        PageCheck.signIn(browser, "http://localhost:" + port, username, "demo2026");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }
}
