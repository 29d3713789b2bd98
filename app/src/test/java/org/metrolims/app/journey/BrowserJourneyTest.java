package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.proficiency.PtApiFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The users' journeys in a real headless Chromium against the application on a random port: a technician logs a
 * calibration and a second technician signs its approval; a lab submits a PT result and the other lab cannot see
 * it. Chromium and its chromedriver come from the system (Debian: {@code chromium}, {@code chromium-driver});
 * without them these tests fail and say so — CI installs them.
 *
 * A technician issues a certificate (a signature) and only its customer lab downloads it.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "lims.security.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class BrowserJourneyTest {

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

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void aTechnicianLogsACalibrationAndASecondTechnicianSignsItsApproval() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        signIn("test-tech");
        fillCalibrationForm(f.instrument, f.standard);
        // the live recomputation shows the point's result before anything is saved
        // (previews of the half-typed form may have complained on the way; the last one must show the verdict)
        try {
            waitFor(By.cssSelector(".point-result"), "Decision Pass");
        } catch (TimeoutException e) {
            fail("no live result; the form says: " + browser.findElement(By.id("form-error")).getText(), e);
        }
        // a correlation between two of the point's inputs (GUM 5.2.2): a coefficient above 1 is marked at its field,
        // a valid one is recomputed with and saved with the draft
        browser.findElement(By.cssSelector(".point .add-correlation")).click();
        type(By.cssSelector(".point .correlations tbody tr [data-r=a]"), "reference");
        type(By.cssSelector(".point .correlations tbody tr [data-r=b]"), "repeatability");
        type(By.cssSelector(".point .correlations tbody tr [data-r=r]"), "1.5");
        By r = By.cssSelector(".point .correlations tbody tr [data-r=r]");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(r, "aria-invalid", "true"));
        assertThat(browser.findElement(By.cssSelector(".point .correlation-error")).getText()).isNotBlank();
        type(r, "0.5");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".point .correlation-error")));
        waitFor(By.cssSelector(".point-result"), "Decision Pass");
        // the live result as a metrologist writes it: U to two significant digits, mean and error to its place
        assertThat(browser.findElement(By.cssSelector(".point-result")).getText())
                .matches(".*Mean 10\\.0003\\d* mm .*").doesNotContainPattern("\\d\\.\\d{9,}");
        PageCheck.consoleErrors(browser); // the half-typed form's previews were refused on the way, as they should
        browser.findElement(By.cssSelector("#calibration-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/calibrations/\\d+$"));
        String url = browser.getCurrentUrl();
        String path = url.substring(url.indexOf("/calibrations/"));
        assertThat(text()).contains("Draft", "r(reference, repeatability) = 0.5");
        PageCheck.assertClean(browser);
        browser.findElement(By.cssSelector("form[action$='/submit'] button")).click();
        waitFor(By.tagName("main"), "Submitted for review");

        signIn("test-tech-2");
        open(path);
        type(By.cssSelector("form[action$='/approve'] input[name=password]"), "not-my-password");
        browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
        waitFor(By.tagName("main"), "The password does not match");
        assertThat(text()).contains("Submitted for review").contains("Not signed yet.");

        type(By.cssSelector("form[action$='/approve'] input[name=password]"), TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
        waitFor(By.cssSelector(".signatures"), "Approved");
        String signatures = browser.findElement(By.cssSelector(".signatures")).getText();
        assertThat(signatures).contains("test-tech-2", "Approved", "Unchanged since signed");
        assertThat(browser.findElement(By.xpath("//dl[contains(@class,'facts')]/dt[.='Status']/following-sibling::dd[1]"))
                .getText()).isEqualTo("Approved");
        PageCheck.assertClean(browser);

        // the calibration's customer sees it, signature and all; the other lab is told it does not exist
        signIn("test-lab-a");
        open(path);
        assertThat(text()).contains("Approved", "test-tech-2");
        PageCheck.assertClean(browser);
        signIn("test-lab-b");
        open(path);
        assertThat(text()).doesNotContain("JJG 30-2012").doesNotContain("test-tech-2");
    }

    @Test
    void aLabSubmitsAPtResultAndTheOtherLabCannotSeeIt() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched round = pt.dispatched(PtApiFixture.FUTURE);

        signIn("test-lab-a");
        open("/pt/my");
        String form = "form[action$='/pt/my/rounds/" + round.round() + "/results']";
        type(By.cssSelector(form + " input[name=value]"), "10.0731");
        type(By.cssSelector(form + " input[name=method]"), "<b>bold</b> gauge comparator");
        browser.findElement(By.cssSelector(form + " button")).click();
        waitFor(By.tagName("main"), "10.0731");
        PageCheck.assertClean(browser);
        // free text is shown as text, never as markup
        assertThat(browser.findElements(By.xpath("//main//b[text()='bold']"))).isEmpty();

        signIn("test-lab-b");
        open("/pt/my");
        assertThat(text()).contains(round.codeB()).doesNotContain("10.0731");
        open("/api/pt/rounds/" + round.round() + "/results");
        assertThat(browser.getPageSource()).doesNotContain("10.0731");
    }

    @Test
    void aTechnicianIssuesTheCertificateAndOnlyItsCustomerLabDownloadsIt() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        var tech = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("test-tech", TestAccounts.PASSWORD);
        String json = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations").with(tech)
                .contentType(MediaType.APPLICATION_JSON).content(f.draft())).andReturn().getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/submit", id).with(tech)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"));
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/approve", id)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("test-tech-2", TestAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}"));

        // the technician signs the issue on the calibration's certificate form
        signIn("test-tech");
        open("/certificates/issue?calibrationId=" + id);
        type(By.id("password"), TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/certificates/issue'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/certificates?"));
        String href = browser.findElements(By.cssSelector("main a[href*='.pdf']")).getFirst().getAttribute("href");
        String number = href.replaceAll(".*/certificates/([^/?]+)\\.pdf.*", "$1");
        assertThat(number).startsWith("T-INST-");

        // the customer lab finds it on its portal and downloads the PDF as issued
        signIn("test-lab-a");
        open("/portal");
        PageCheck.assertClean(browser);
        WebElement link = browser.findElement(By.cssSelector("#portal-certificates a[href*='" + number + "']"));
        Object head = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(
                    String.fromCharCode(...new Uint8Array(b).slice(0, 5)))).catch(e => done('error ' + e));""",
                link.getAttribute("href"));
        assertThat(head).isEqualTo("%PDF-");

        // the other lab neither sees it in its list nor gets its PDF
        signIn("test-lab-b");
        open("/certificates");
        assertThat(text()).doesNotContain(number);
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status)).catch(e => done(-1));""",
                "/certificates/" + number + ".pdf");
        assertThat(((Number) status).intValue()).isEqualTo(404);
    }

    /** Opens the calibration form and fills it: one point at 10 mm, calibrated on 2025-03-03 with {@code standard}. */
    private void fillCalibrationForm(long instrument, long standard) {
        open("/calibrations/new");
        pickInstrument("l-test-1", "CAL-TEST-1 · ");
        assertThat(browser.findElement(By.name("instrumentId")).getDomProperty("value"))
                .isEqualTo(Long.toString(instrument));
        new Select(browser.findElement(By.id("standard-picker"))).selectByValue(Long.toString(standard));
        type(By.name("procedureCode"), "JJG 30-2012");
        setValue(By.name("calibratedOn"), "2025-03-03");
        setValue(By.name("validUntil"), "2026-03-02");
        type(By.name("temperatureC"), "20.1");
        type(By.name("relativeHumidityPct"), "45");
        new Select(browser.findElement(By.name("asFound"))).selectByVisibleText("In tolerance");
        new Select(browser.findElement(By.name("asLeft"))).selectByVisibleText("In tolerance");
        new Select(browser.findElement(By.name("decisionRule"))).selectByVisibleText("Simple acceptance (w = 0)");
        type(By.cssSelector(".point [data-k=nominal]"), "10");
        type(By.cssSelector(".point [data-k=unit]"), "mm");
        type(By.cssSelector(".point [data-k=readings]"), "10.0002 10.0004 10.0003");
        type(By.cssSelector(".point [data-k=tolerance]"), "1");
        type(By.cssSelector(".point [data-k=toleranceUnit]"), "µm");
        type(By.cssSelector(".point .components tbody tr [data-c=name]"), "reference");
        type(By.cssSelector(".point .components tbody tr [data-c=expandedUncertainty]"), "0.0002");
        type(By.cssSelector(".point .components tbody tr [data-c=coverageFactor]"), "2");
    }

    @Test
    void aTechnicianOverridesAnOverdueStandardWithAReasonAndSeesTheReviewersFindingInMyWork() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        long overdue = f.standardValidUntil(dsl, java.time.LocalDate.of(2025, 3, 2));
        // back on a page of the application first: the previous journey may have left the browser on an API
        // answer, where the session's cookies are not cleared and the login page would show a signed-in header
        open("/login");
        signIn("test-tech");
        fillCalibrationForm(f.instrument, overdue);
        waitFor(By.cssSelector(".point-result"), "Decision Pass");
        browser.findElement(By.cssSelector("#calibration-form button[type=submit]")).click();
        // refused next to the standards field, with the reason, and a box to override it
        waitFor(By.id("reference-error"), "is overdue: its calibration was valid until 2025-03-02");
        type(By.cssSelector("#reference-overrides textarea[data-standard='" + overdue + "']"),
                "recalibrated on 2025-03-01; the NMI certificate is in the post");
        browser.findElement(By.cssSelector("#calibration-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/calibrations/\\d+$"));
        String url = browser.getCurrentUrl();
        String path = url.substring(url.indexOf("/calibrations/"));
        assertThat(text()).contains("Reference standards used under a documented override",
                "recalibrated on 2025-03-01; the NMI certificate is in the post", "calibration overdue");
        browser.findElement(By.cssSelector("form[action$='/submit'] button")).click();
        waitFor(By.tagName("main"), "Submitted for review");

        signIn("test-tech-2");
        open(path);
        type(By.cssSelector("form[action$='/return'] input[name=reason]"), "point 1: the readings are from another gauge");
        browser.findElement(By.cssSelector("form[action$='/return'] button")).click();
        waitFor(By.tagName("main"), "Draft");

        signIn("test-tech");
        open("/my-work");
        assertThat(browser.findElement(By.id("returned")).getText())
                .contains("point 1: the readings are from another gauge", "test-tech-2");
        assertThat(browser.findElement(By.cssSelector("a.nav-link[href$='/my-work']")).getText()).containsPattern("\\d");
        PageCheck.assertClean(browser);
        open("/my-work?lang=zh-CN");
        assertThat(browser.findElement(By.id("returned")).getText())
                .contains("退回给我的", "point 1: the readings are from another gauge");
        open(path + "?lang=zh-CN");
        assertThat(text()).contains("审核退回意见", "point 1: the readings are from another gauge",
                "经书面说明后使用的计量标准");
        PageCheck.assertClean(browser);
        open(path + "?lang=en");
    }

    @Test
    void aTechnicianPicksTheInstrumentByPartOfItsSerialAndItsOwnerBecomesTheCustomerInBothLanguages() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder);
        signIn("test-tech");
        for (String lang : new String[] {"en", "zh-CN"}) {
            open("/calibrations/new?lang=" + lang);
            PageCheck.assertClean(browser);
            pickInstrument("L-TEST-1", "CAL-TEST-1 · ");
            assertThat(browser.findElement(By.name("instrumentId")).getDomProperty("value"))
                    .isEqualTo(Long.toString(f.instrument));
            assertThat(browser.findElement(By.name("customerOrganizationId")).getDomProperty("value"))
                    .isEqualTo(Long.toString(f.labA));
            assertThat(browser.findElement(By.id("customer-search")).getDomProperty("value")).isNotBlank();
            // typing again un-chooses, so that the posted id never differs from what the box shows
            browser.findElement(By.id("instrument-search")).sendKeys("x");
            assertThat(browser.findElement(By.name("instrumentId")).getDomProperty("value")).isEmpty();
            Thread.sleep(1500); // the live preview of the half-filled form is refused, as it should; let it land
            PageCheck.consoleErrors(browser);
        }
        open("/calibrations?lang=zh-CN&q=cal-test&sort=number&dir=asc");
        PageCheck.assertClean(browser);
        // for a person to look at: the list and the picker, open, on a phone
        PageCheck.inspect(browser, PageCheck.PHONE);
        PageCheck.screenshot(browser, java.nio.file.Path.of("target", "tables", "calibrations-390-zh.png"));
        open("/calibrations/new?lang=zh-CN");
        PageCheck.inspect(browser, PageCheck.PHONE);
        type(By.id("instrument-search"), "L-TEST");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#instrument-picker .picker-results option")));
        PageCheck.screenshot(browser, java.nio.file.Path.of("target", "tables", "calibration-new-picker-390-zh.png"));
        PageCheck.inspect(browser, PageCheck.DESKTOP);
        PageCheck.consoleErrors(browser);
    }

    /** Types part of the serial into the instrument picker and chooses the match whose label starts so. */
    private void pickInstrument(String typed, String labelStart) {
        type(By.id("instrument-search"), typed);
        By match = By.xpath("//div[@id='instrument-picker']//select[@class='picker-results']/option[starts-with(., '"
                + labelStart + "')]");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(match))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElement(By.name("instrumentId"))
                .getDomProperty("value").isEmpty());
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        PageCheck.consoleErrors(browser); // what the last page logged is no concern of the next
        browser.get("http://localhost:" + port + path);
    }

    private void type(By by, String text) {
        WebElement e = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
        e.clear();
        e.sendKeys(text);
    }

    /** Date inputs take keys in the browser's locale format; set the ISO value and tell the page. */
    private void setValue(By by, String value) {
        WebElement e = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                e, value);
    }

    private void waitFor(By by, String text) {
        // the element is looked up again on each try: the page may still be navigating (after a form's redirect),
        // and Chromium then answers "node does not belong to the document" for the one found a moment ago
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
