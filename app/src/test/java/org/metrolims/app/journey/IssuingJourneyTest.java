package org.metrolims.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Review, issue and batch issue as the reviewer and the technician live them, in a real headless Chromium, in English
 * and Chinese, at 1440 and 390 px: the reviewer reads the certificate preview before signing the approval, the
 * technician before signing the issue; the batch page issues the ticked calibrations and shows each e-mail (no mail
 * server here: each is shown not sent, with "send again", the certificates issued); the public verification page a
 * QR code opens keeps its code when the language is switched and fits a phone. {@link PageCheck} finds each page
 * clean. Screenshots go to {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lims.demo.enabled=false", "lims.security.login.max-failures-per-address=1000"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class IssuingJourneyTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor TECH_2 = httpBasic("test-tech-2", TestAccounts.PASSWORD);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> LANGUAGES = List.of("en", "zh-CN");

    static WebDriver browser;
    static Path profile;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

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
    void theReviewerReadsTheCertificatePreviewBeforeSigningTheApprovalInBothLanguagesOnAPhoneToo() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "ISSR", 908);
        long id = submitted(f, "2025-04-01");

        signIn("test-tech-2");
        for (String lang : LANGUAGES) {
            open("/calibrations/" + id + "?lang=" + lang);
            WebElement preview = previewLink();
            assertThat(preview.getText()).isEqualTo(lang.equals("en") ? "Preview certificate" : "预览证书");
            assertThat(preview.getAttribute("target")).isEqualTo("_blank");
            assertThat(browser.findElement(By.cssSelector("input[name=password]")).isDisplayed()).isTrue();
            PageCheck.assertClean(browser);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("review-preview-" + lang + "-1440.png"));
            PageCheck.width(browser, PageCheck.PHONE);
            assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("review-preview-" + lang + "-390.png"));
            PageCheck.width(browser, PageCheck.DESKTOP);
        }
        // what the link opens: the certificate the record would produce, marked as a preview
        assertPdf(previewLink().getAttribute("href"), "test-tech-2");

        browser.findElement(By.cssSelector("form[action$='/approve'] input[name=password]")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/approve'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text().contains("已批准"));
    }

    @Test
    void theTechnicianPreviewsBeforeSigningTheIssueAndTheVerifyPageKeepsItsCodeAcrossLanguages() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "ISSI", 909);
        long id = approved(f, "2025-04-02");

        signIn("test-tech");
        for (String lang : LANGUAGES) {
            open("/certificates/issue?calibrationId=" + id + "&lang=" + lang);
            assertThat(previewLink().getText()).isEqualTo(lang.equals("en") ? "Preview certificate" : "预览证书");
            PageCheck.assertClean(browser);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("issue-preview-" + lang + "-1440.png"));
            PageCheck.width(browser, PageCheck.PHONE);
            assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
            PageCheck.width(browser, PageCheck.DESKTOP);
        }
        assertPdf(previewLink().getAttribute("href"), "test-tech");
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/certificates/issue'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/certificates?"));
        var issued = dsl.select(CERTIFICATE.CERTIFICATE_NO, CERTIFICATE.VERIFICATION_CODE).from(CERTIFICATE)
                .where(CERTIFICATE.CALIBRATION_ID.eq(id)).fetchSingle();

        // the public page a QR code opens, on a phone, signed out: switching the language keeps ?code
        browser.manage().deleteAllCookies();
        PageCheck.width(browser, PageCheck.PHONE);
        open("/verify/" + issued.value1() + "?code=" + issued.value2() + "&lang=en");
        assertThat(text()).contains("Valid");
        browser.findElement(By.cssSelector(".lang-switch a[hreflang=zh-CN]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text().contains("有效"));
        assertThat(browser.getCurrentUrl()).contains("code=" + issued.value2()).contains("lang=zh-CN");
        assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
        PageCheck.screenshot(browser, SCREENSHOTS.resolve("verify-zh-CN-390.png"));
        browser.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text().contains("Valid"));
        assertThat(browser.getCurrentUrl()).contains("code=" + issued.value2());
        PageCheck.assertClean(browser);
    }

    @Test
    void theTechnicianBatchIssuesTheTickedCalibrationsAndSeesEachEmailInBothLanguages() throws Exception {
        CalibrationApiFixture f = new CalibrationApiFixture(dsl, encoder, "ISSB", 910);
        dsl.update(ORGANIZATION).set(ORGANIZATION.CONTACT_EMAIL, "certificates@lab-a.test")
                .where(ORGANIZATION.ID.eq(f.labA)).execute();

        signIn("test-tech");
        int day = 3;
        for (String lang : LANGUAGES) {
            long picked = approved(f, "2025-04-" + String.format("%02d", day++));
            long left = approved(f, "2025-04-" + String.format("%02d", day++));
            open("/certificates/batches/new?lang=" + lang);
            PageCheck.assertClean(browser);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("batch-new-" + lang + "-1440.png"));
            PageCheck.width(browser, PageCheck.PHONE);
            assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("batch-new-" + lang + "-390.png"));
            PageCheck.width(browser, PageCheck.DESKTOP);

            browser.findElement(By.id("pick-" + picked)).click();
            browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            browser.findElement(By.cssSelector("form.batch-selection button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().matches(".*/certificates/batches/\\d+$"));
            // no mail server in this test: the certificate is issued, its e-mail shown as not sent, to send again
            String notSent = lang.equals("en") ? "Not sent to certificates@lab-a.test" : "未能发送至 certificates@lab-a.test";
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> text().contains(notSent));
            assertThat(text()).contains(lang.equals("en") ? "Send again" : "重新发送");
            assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(picked))).isEqualTo(1);
            assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(left))).isZero();
            PageCheck.assertClean(browser);
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("batch-" + lang + "-1440.png"));
            PageCheck.width(browser, PageCheck.PHONE);
            assertThat(PageCheck.inspect(browser).overflows()).as("sideways scroll at 390 px").isFalse();
            PageCheck.screenshot(browser, SCREENSHOTS.resolve("batch-" + lang + "-390.png"));
            PageCheck.width(browser, PageCheck.DESKTOP);
        }
    }

    private WebElement previewLink() {
        return browser.findElement(By.cssSelector("a[href$='/certificate-preview.pdf']"));
    }

    private void assertPdf(String href, String username) throws Exception {
        String path = href.substring(href.indexOf("/calibrations/"));
        byte[] pdf = mvc.perform(MockMvcRequestBuilders.get(path).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                users.loadUserByUsername(username)))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                    .contains("预览PREVIEW未签发NOTISSUED");
        }
    }

    private long submitted(CalibrationApiFixture f, String on) throws Exception {
        String body = """
                {"instrumentId":%d,"procedureCode":"JJG 30-2012","calibratedOn":"%s","validUntil":"2026-03-31",
                 "referenceStandardIds":[%d],"temperatureC":20.1,"relativeHumidityPct":45,
                 "asFound":"IN_TOLERANCE","asLeft":"IN_TOLERANCE","decisionRule":"SIMPLE_ACCEPTANCE",
                 "points":[{"nominal":10,"unit":"mm","readings":[10.0004,10.0006,10.0005],"tolerance":0.02,
                   "toleranceUnit":"mm","components":[{"name":"reference","distribution":"normal",
                   "expandedUncertainty":0.0004,"coverageFactor":2}]}]}""".formatted(f.instrument, on, f.standard);
        String json = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations").with(TECH)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/submit", id).with(TECH)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}"));
        return id;
    }

    private long approved(CalibrationApiFixture f, String on) throws Exception {
        long id = submitted(f, on);
        String approved = mvc.perform(MockMvcRequestBuilders.post("/api/calibrations/{id}/approve", id).with(TECH_2)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":1,\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(approved, "$.status")).as(approved).isEqualTo("APPROVED");
        return id;
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
