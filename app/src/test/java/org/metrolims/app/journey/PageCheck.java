package org.metrolims.app.journey;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page must be, checked on the page the browser has loaded (issue: the bench as technicians live it):
 * <ul>
 *   <li>no horizontal scroll at a desktop (1440 px) and a phone (390 px) width — the document is no wider than the
 *       window;</li>
 *   <li>no raw enum code in the visible text ({@code IN_SERVICE}, {@code SIMPLE_ACCEPTANCE}, a bare {@code PASS} or
 *       {@code APPROVED}): every code is shown through its label in the page's language;</li>
 *   <li>no binary float noise ({@code 0.012000000000000455}, {@code 0.003741657387}): every number through the one
 *       formatter;</li>
 *   <li>no JavaScript console error.</li>
 * </ul>
 * Page tests call {@link #assertClean(WebDriver)} on each page they reach; the census
 * ({@link PageCensusTest}) calls {@link #inspect(WebDriver)} and counts.
 */
public final class PageCheck {

    public static final int DESKTOP = 1440;
    public static final int PHONE = 390;

    static final Path CHROMIUM = Path.of(System.getProperty("lims.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("lims.test.chromedriver", "/usr/bin/chromedriver"));

    /** An enum constant with an underscore: {@code IN_SERVICE}, {@code GRADE_2}, {@code ALGORITHM_A}. */
    static final Pattern UNDERSCORE_CODE = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+(?![\\w-])");

    /**
     * The one-word constants of the enums users meet (statuses, verdicts, roles, levels, kinds, score types…). A word
     * such as ISO, GUM, JJG, PT, QR, PDF, CSV, NMI, SI or a certificate number is not in it: those are how people write.
     */
    static final Set<String> BARE_CODES = Set.of(
            // statuses of records, certificates, standards, instruments, rounds, enrolments, signatures
            "DRAFT", "SUBMITTED", "APPROVED", "SUPERSEDED", "WITHDRAWN", "VALID", "ACTIVE", "SUSPENDED", "RETIRED",
            "OPEN", "DISPATCHED", "CLOSED", "SCORED", "REPORTED", "APPLIED", "ENROLLED", "REJECTED", "REVIEWED",
            "ISSUED", "PUBLISHED",
            // verdicts, conformity, performance, scheme verdicts, chain problems
            "PASS", "FAIL", "INDETERMINATE", "SATISFACTORY", "QUESTIONABLE", "UNSATISFACTORY", "MISPLACED", "CYCLE",
            // levels, kinds, roles, methods, distributions, models
            "NATIONAL", "DEPARTMENTAL", "ENTERPRISE", "AUTHORITY", "INSTITUTE", "PROVINCE", "CITY", "COUNTY",
            "TECHNICIAN", "OFFICER", "ADMIN", "FIXED", "HORWITZ", "ZETA", "HOMOGENEITY", "NORMAL", "RECTANGULAR",
            "TRIANGULAR", "EXPONENTIAL", "WEIBULL",
            // disciplines
            "LENGTH", "THERMAL", "MECHANICS", "ELECTROMAGNETISM", "RADIO", "ACOUSTICS", "OPTICS");

    /**
     * Binary float noise: nine or more decimals, or a run of six zeros or nines after the point that stops short of
     * the end ({@code 0.30000000000000004}, {@code 12.999999}).
     */
    static final Pattern FLOAT_NOISE = Pattern.compile("(?<![\\w.])-?\\d+[.,](?:\\d{9,}|\\d*(?:0{6,}[1-9]|9{6,})\\d*)");

    private PageCheck() {}

    /** What one look at the loaded page at the window's current width found. */
    public record Findings(String url, int width, boolean overflows, int scrollWidth, List<String> rawCodes,
            List<String> floatNoise, List<String> consoleErrors) {

        public boolean clean() {
            return !overflows && rawCodes.isEmpty() && floatNoise.isEmpty() && consoleErrors.isEmpty();
        }

        @Override
        public String toString() {
            return url + " @" + width + "px" + (overflows ? " overflows (" + scrollWidth + " px)" : "")
                    + (rawCodes.isEmpty() ? "" : " raw codes " + rawCodes)
                    + (floatNoise.isEmpty() ? "" : " float noise " + floatNoise)
                    + (consoleErrors.isEmpty() ? "" : " console errors " + consoleErrors);
        }
    }

    /** A headless Chromium that keeps its console log for {@link #inspect}. */
    public static ChromeDriver chromium(Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + DESKTOP + ",1000", "--lang=en-US",
                "--hide-scrollbars", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * Signs in through the login form at {@code baseUrl} (the cookies of whoever was signed in cleared first) and
     * waits until the form has been left.
     */
    public static void signIn(WebDriver browser, String baseUrl, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        WebElement u = browser.findElement(By.id("username"));
        u.clear();
        u.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public static void deleteProfile(Path profile) throws IOException {
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Asserts the loaded page clean at both widths; leaves the window at the desktop width. */
    public static void assertClean(WebDriver browser) {
        List<Findings> found = new ArrayList<>();
        Findings desktop = inspect(browser, DESKTOP);
        Findings phone = inspect(browser, PHONE);
        width(browser, DESKTOP);
        if (!desktop.clean()) {
            found.add(desktop);
        }
        if (phone.overflows()) {
            found.add(phone);
        }
        if (!found.isEmpty()) {
            fail("The page is not clean: " + found);
        }
    }

    /** Looks at the loaded page at the given width (the window is resized; the page is not reloaded). */
    public static Findings inspect(WebDriver browser, int width) {
        width(browser, width);
        return inspect(browser);
    }

    /** Looks at the loaded page at the window's current width. Reading the console log empties it. */
    public static Findings inspect(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) js.executeScript("""
                const e = document.documentElement;
                if (!e || !document.body || document.contentType !== 'text/html') {
                    return {scroll: 0, inner: window.innerWidth, text: '', notAPage: document.contentType || 'none'};
                }
                const scroll = Math.max(e.scrollWidth, document.body ? document.body.scrollWidth : 0);
                // the text as written, not as a heading's text-transform shows it
                const s = document.createElement('style');
                s.textContent = '* { text-transform: none !important; }';
                document.head.appendChild(s);
                const text = document.body ? document.body.innerText : '';
                s.remove();
                return {scroll: scroll, inner: window.innerWidth, text: text};""");
        if (page.get("notAPage") != null) {
            fail("Not a page but " + page.get("notAPage") + ": " + browser.getCurrentUrl());
        }
        int scroll = ((Number) page.get("scroll")).intValue();
        int inner = ((Number) page.get("inner")).intValue();
        String text = (String) page.get("text");
        return new Findings(browser.getCurrentUrl(), inner, scroll > inner, scroll, rawCodes(text), floatNoise(text),
                consoleErrors(browser));
    }

    static List<String> rawCodes(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = UNDERSCORE_CODE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        Matcher w = Pattern.compile("(?<![\\w-])[A-Z]{2,}(?![\\w-])").matcher(text);
        while (w.find()) {
            if (BARE_CODES.contains(w.group())) {
                found.add(w.group());
            }
        }
        return List.copyOf(found);
    }

    static List<String> floatNoise(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = FLOAT_NOISE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }

    static List<String> consoleErrors(WebDriver browser) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * Sets the page's viewport width through the DevTools protocol (a headless window will not shrink below its
     * minimum width, a viewport will); the page reflows without a reload.
     */
    static void width(WebDriver browser, int width) {
        viewport(browser, width, 1000);
    }

    private static void viewport(WebDriver browser, int width, int height) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** A full-height screenshot of the page at the window's width, for a person to look at. */
    static void screenshot(WebDriver browser, Path file) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        int width = ((Number) js.executeScript("return window.innerWidth")).intValue();
        int height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue();
        viewport(browser, width, Math.min(Math.max(height, 600), 4000));
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        viewport(browser, width, 1000);
    }
}
