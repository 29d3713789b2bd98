package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.metrolims.app.TestAccounts;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.standard.RegistryApiFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The instrument page as a lab lives it, in a real headless Chromium: it types the serial number into the lookup,
 * lands on its instrument and reads its calibration history and the trend of the error, in English and in Chinese,
 * on a desktop and on a 390 px phone, and {@link PageCheck} finds it clean. Screenshots of each go to
 * {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "lims.security.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class InstrumentJourneyTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor TECH_2 = httpBasic("test-tech-2", TestAccounts.PASSWORD);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
    void aLabLooksUpItsInstrumentBySerialAndReadsItsHistoryAndTrendInBothLanguagesOnAPhoneToo() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "INSJ", 907);
        String first = approved(f, "2024-03-04", "2025-03-03", "10.0010,10.0012,10.0011", "20.0021,20.0019,20.0020");
        String second = approved(f, "2025-03-03", "2026-03-02", "10.0004,10.0006,10.0005", "20.0009,20.0011,20.0010");
        String serial = "INSJ-TEST-1";

        signIn("test-lab-a");
        for (String lang : List.of("en", "zh-CN")) {
            PageCheck.width(browser, PageCheck.DESKTOP);
            open("/instruments/lookup?lang=" + lang);
            WebElement q = browser.findElement(By.id("lookup-q"));
            q.clear();
            q.sendKeys(serial);
            browser.findElement(By.cssSelector("form[role=search] button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.urlMatches("/instruments/" + f.instrument + "$"));

            String history = browser.findElement(By.id("history-table")).getText();
            assertThat(history).contains(first, second);
            assertThat(history).contains(lang.equals("en") ? "In tolerance" : "在允差内");
            assertThat(history).doesNotContain("IN_TOLERANCE", "APPROVED");
            // newest first
            assertThat(history.indexOf(second)).isLessThan(history.indexOf(first));
            // the error at 10 mm was +0.0011 mm, then +0.0005 mm: one line per test point, a mark per calibration
            assertThat(browser.findElements(By.cssSelector("svg.error-trend circle"))).hasSize(4);
            assertThat(browser.findElement(By.cssSelector("#trend figcaption")).getText()).contains("mm");
            assertThat(text()).contains(lang.equals("en") ? "In service" : "在用");
            assertThat(browser.findElement(By.id("serial")).getText()).isEqualTo(serial);
            // no sideways scroll at 1440 and 390 px, no raw code, no float noise, no console error
            PageCheck.assertClean(browser);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("instrument-" + lang + "-1440.png"));
            PageCheck.width(browser, PageCheck.PHONE);
            open("/instruments/" + f.instrument);
            assertThat(browser.findElement(By.id("history-table")).getText()).contains(first);
            assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("instrument-" + lang + "-390.png"));
        }
    }

    @Test
    void aTechnicianWhoTypesALetterForANumberSeesTheMessageUnderThatFieldInTheirLanguageOnAPhoneToo()
            throws Exception {
        RegistryApiFixture.ensure(dsl, encoder);
        signIn("test-tech");
        for (String[] lang : new String[][] {{"en", "is not a number"}, {"zh-CN", "不是数字"}}) {
            PageCheck.width(browser, PageCheck.DESKTOP);
            open("/registry/instruments?lang=" + lang[0]);
            String serial = RegistryApiFixture.unique("FORM");
            type("owner", "T-INST");
            type("type", RegistryApiFixture.TYPE_CODE);
            type("manufacturer", "Mettler");
            type("model", "XPR");
            type("serialNo", serial);
            type("unit", "g");
            type("rangeLow", "0");
            type("rangeHigh", "22O");
            browser.findElement(By.cssSelector("#register-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("rangeHigh-error")));

            assertThat(browser.findElement(By.id("rangeHigh-error")).getText()).isEqualTo(lang[1]);
            assertThat(browser.findElements(By.id("rangeLow-error"))).isEmpty();
            assertThat(browser.findElement(By.id("rangeHigh")).getAttribute("value")).isEqualTo("22O");
            assertThat(text()).doesNotContain("BigDecimal", "java.", "Exception");
            PageCheck.assertClean(browser);
            PageCheck.width(browser, PageCheck.PHONE);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("instrument-form-error-" + lang[0] + "-390.png"));
            assertThat(dsl.fetchExists(org.metrolims.db.jooq.Tables.INSTRUMENT,
                    org.metrolims.db.jooq.Tables.INSTRUMENT.SERIAL_NO.eq(serial))).isFalse();
        }
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** An approved calibration of the fixture's instrument with points at 10 mm and 20 mm; returns its number. */
    private String approved(CalibrationApiFixture f, String on, String validUntil, String at10, String at20)
            throws Exception {
        String component = """
                "components":[{"name":"reference","distribution":"normal","expandedUncertainty":0.0004,"coverageFactor":2}]""";
        String body = """
                {"instrumentId":%d,"procedureCode":"JJG 30-2012","calibratedOn":"%s","validUntil":"%s",
                 "referenceStandardIds":[%d],"temperatureC":20.1,"relativeHumidityPct":45,
                 "asFound":"IN_TOLERANCE","asLeft":"IN_TOLERANCE","decisionRule":"SIMPLE_ACCEPTANCE",
                 "points":[{"nominal":10,"unit":"mm","readings":[%s],"tolerance":0.02,"toleranceUnit":"mm",%s},
                           {"nominal":20,"unit":"mm","readings":[%s],"tolerance":0.02,"toleranceUnit":"mm",%s}]}"""
                .formatted(f.instrument, on, validUntil, f.standard, at10, component, at20, component);
        String json = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations").with(TECH)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/submit", id).with(TECH)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"));
        String approved = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/approve", id).with(TECH_2)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(approved, "$.status")).as(approved).isEqualTo("APPROVED");
        return JsonPath.read(json, "$.calibrationNo");
    }

    private void signIn(String username) {
        PageCheck.signIn(browser, "http://localhost:" + port, username, TestAccounts.PASSWORD);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
