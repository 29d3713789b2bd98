package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CALIBRATION_PROCEDURE;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * A technician logs a calibration from a procedure template, in a real headless Chromium, in English and in Chinese,
 * on a desktop and on a 390 px phone: he picks the instrument and the procedure, the template fills the points, their
 * tolerances and budgets, he types only the readings and the date, saves the draft, and the record page names the
 * template version it followed. The template's own pages pass {@link PageCheck} too. Screenshots go to
 * {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "lims.security.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ProcedureJourneyTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CODE = "JJG 30-2012 PJ";

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
    void aTechnicianPicksAProcedureTypesOnlyTheReadingsAndTheRecordNamesTheTemplateVersion() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "PROCJ", 913);
        long template = template();

        signIn("test-tech");
        for (String lang : List.of("en", "zh-CN")) {
            for (int width : List.of(PageCheck.DESKTOP, PageCheck.PHONE)) {
                PageCheck.width(browser, width);
                open("/calibrations/new?lang=" + lang);
                pick("instrument", "PROCJ-TEST-1", "PROCJ-TEST-1 · ");
                new Select(browser.findElement(By.id("standard-picker"))).selectByValue(Long.toString(f.standard));
                pick("procedure", "PJ", CODE + " · ");
                // the template filled the code, the rule and both points with their tolerances and budgets
                assertThat(browser.findElement(By.name("procedureCode")).getDomProperty("value")).isEqualTo(CODE);
                assertThat(new Select(browser.findElement(By.name("decisionRule"))).getFirstSelectedOption()
                        .getDomProperty("value")).isEqualTo("SIMPLE_ACCEPTANCE");
                List<WebElement> points = browser.findElements(By.cssSelector("#points .point"));
                assertThat(points).hasSize(2);
                assertThat(value(points.get(1), "[data-k=nominal]")).isEqualTo("50");
                assertThat(value(points.get(1), "[data-k=tolerance]")).isEqualTo("0.02");
                assertThat(points.get(0).findElements(By.cssSelector(".components tbody tr"))).hasSize(2);
                assertThat(value(points.get(0), ".components tbody tr [data-c=name]")).isEqualTo("gauge block");
                assertThat(value(points.get(0), ".components tbody tr [data-c=expandedUncertainty]"))
                        .isEqualTo("0.0008");
                assertThat(browser.findElement(By.id("procedure-filled")).getText()).contains(CODE);
                // the technician types only the readings and the date
                type(points.get(0).findElement(By.cssSelector("[data-k=readings]")), "10.002 10.004 10.003");
                type(points.get(1).findElement(By.cssSelector("[data-k=readings]")), "50.004 50.006 50.005");
                setValue(By.name("calibratedOn"), "2025-03-03");
                try {
                    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                            By.cssSelector(".point-result")).stream().allMatch(o -> !o.getText().isBlank()));
                } catch (TimeoutException e) {
                    throw new AssertionError("no live result; the form says: "
                            + browser.findElement(By.id("form-error")).getText(), e);
                }
                PageCheck.screenshot(browser, SCREENSHOTS.resolve("procedure-pick-" + lang + "-" + width + ".png"));
                PageCheck.consoleErrors(browser);
                browser.findElement(By.cssSelector("#calibration-form button[type=submit]")).click();
                try {
                    new WebDriverWait(browser, Duration.ofSeconds(30))
                            .until(ExpectedConditions.urlMatches("/calibrations/\\d+$"));
                } catch (TimeoutException e) {
                    throw new AssertionError("not saved; the form says: "
                            + browser.findElement(By.id("form-error")).getText(), e);
                }
                String url = browser.getCurrentUrl();
                long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
                // the record names the version it followed, linked to the template's page
                WebElement procedure = browser.findElement(By.cssSelector("dd.procedure"));
                assertThat(procedure.getText()).contains(CODE)
                        .contains(lang.equals("en") ? "template v1: Calipers (journey)" : "模板第 1 版：Calipers (journey)");
                assertThat(procedure.findElement(By.tagName("a")).getDomAttribute("href"))
                        .endsWith("/procedures/" + template + "?version=1");
                assertThat(dsl.fetchCount(CALIBRATION_PROCEDURE, CALIBRATION_PROCEDURE.CALIBRATION_ID.eq(id)))
                        .isEqualTo(1);
                PageCheck.assertClean(browser);
                PageCheck.width(browser, width);
                PageCheck.screenshot(browser, SCREENSHOTS.resolve("procedure-record-" + lang + "-" + width + ".png"));
            }
            // the template's own pages: the list, the template with its versions, the form of its next version
            for (String page : List.of("/procedures", "/procedures/" + template, "/procedures/" + template + "/edit",
                    "/procedures/new")) {
                open(page + "?lang=" + lang);
                assertThat(text()).contains(page.endsWith("new") ? "JJG/JJF" : CODE);
                PageCheck.assertClean(browser);
            }
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("procedure-form-" + lang + "-1440.png"));
        }
    }

    @Test
    void aRefusedTemplateFieldIsShownNextToItInTheUsersLanguage() throws Exception {
        new CalibrationApiFixture(dsl, encoder, "PROCJ", 913);
        signIn("test-tech");
        for (String lang : List.of("en", "zh-CN")) {
            open("/procedures/new?lang=" + lang);
            type(browser.findElement(By.name("code")), "JJG 30-2012 PJ-" + lang);
            type(browser.findElement(By.name("title")), "Calipers");
            new Select(browser.findElement(By.name("instrumentTypeId"))).selectByValue(Long.toString(caliperType()));
            type(browser.findElement(By.name("unit")), "mm");
            type(browser.findElement(By.name("points[0].nominal")), "10");
            type(browser.findElement(By.name("points[0].unit")), "kg"); // not a length
            type(browser.findElement(By.name("points[0].tolerance")), "0.02");
            type(browser.findElement(By.name("points[0].components[0].name")), "gauge block");
            type(browser.findElement(By.name("points[0].components[0].expandedUncertainty")), "0.0008");
            type(browser.findElement(By.name("points[0].components[0].coverageFactor")), "2");
            browser.findElement(By.cssSelector("form.form button.btn-primary")).click();
            By error = By.xpath("//input[@name='points[0].unit']/following-sibling::span[@class='field-error']");
            String message = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(error)).getText();
            assertThat(message).contains(lang.equals("en") ? "'kg' has dimension" : "不是该器具类型所测量的量的已知单位");
            assertThat(browser.findElement(By.name("points[0].unit")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("form-errors")).isDisplayed()).isTrue();
            // what was typed stays
            assertThat(browser.findElement(By.name("points[0].nominal")).getDomProperty("value")).isEqualTo("10");
            PageCheck.assertClean(browser);
        }
    }

    /** A template of the technician's institute (T-INST): two points of a caliper with their budgets. */
    private long template() throws Exception {
        String body = """
                {"code":"%s","title":"Calipers (journey)","instrumentTypeId":%d,"unit":"mm",
                 "decisionRule":"SIMPLE_ACCEPTANCE","points":[%s,%s]}""".formatted(CODE, caliperType(),
                point(10), point(50));
        String json = mvc.perform(MockMvcRequestBuilders.post("/api/procedures")
                        .with(httpBasic("test-tech", TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private static String point(double nominal) {
        return """
                {"nominal":%s,"unit":"mm","tolerance":0.02,"toleranceUnit":"mm","components":[
                 {"name":"gauge block","distribution":"normal","expandedUncertainty":0.0008,"coverageFactor":2},
                 {"name":"resolution","distribution":"rectangular","halfWidth":0.005}]}""".formatted(nominal);
    }

    private long caliperType() {
        return dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE)
                .where(INSTRUMENT_TYPE.CODE.eq("PROCJ-TEST-CALIPER")).fetchSingle().value1();
    }

    private void pick(String picker, String typed, String labelStart) {
        WebElement search = browser.findElement(By.id(picker + "-search"));
        type(search, typed);
        By match = By.xpath("//div[@id='" + picker + "-picker']//select[@class='picker-results']/option[starts-with(., '"
                + labelStart + "')]");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(match))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElement(By.cssSelector(
                "#" + picker + "-picker [data-picker-value]")).getDomProperty("value").isEmpty());
    }

    private static String value(WebElement in, String css) {
        return in.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    private void signIn(String username) {
        PageCheck.signIn(browser, "http://localhost:" + port, username, TestAccounts.PASSWORD);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void type(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    /** Date inputs take keys in the browser's locale format; set the ISO value and tell the page. */
    private void setValue(By by, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                browser.findElement(by), value);
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
