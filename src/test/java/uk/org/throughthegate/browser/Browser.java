package uk.org.throughthegate.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (never a downloaded browser), set to
 * UK English as a practitioner's browser would be. Where no browser is installed the browser tests
 * are skipped with a message, unless {@code TTG_BROWSER_TESTS=required} (as {@code .ci/run} sets
 * it), when they fail instead.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TTG_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TTG_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies, no stored sorting) on the service at {@code base}. */
    public static Browser open(String base) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (installed) {
            return;
        }
        String missing = "No browser for the browser tests: " + CHROMIUM + " and " + CHROMEDRIVER
                + " are needed (apt-get install chromium chromium-driver)";
        if ("required".equals(System.getenv("TTG_BROWSER_TESTS"))) {
            Assertions.fail(missing);
        }
        Assumptions.abort(missing + "; skipped");
    }

    /** The browser's clock set to another time zone, as a computer abroad or misconfigured has it. */
    public Browser inTimeZone(String zone) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Logs in on a Camunda webapp's own login form (Tasklist, Cockpit or Admin at {@code app}). */
    public void logInTo(String app, String user, String password) {
        go("/camunda/app/" + app + "/default/");
        type(By.cssSelector("input#inputUsername, input[ng-model='username']"), user);
        type(By.cssSelector("input[type=password]"), password);
        find(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    }

    /** The input of the form field labelled {@code label} (a Camunda Form field, by its label's start). */
    public WebElement field(String label) {
        WebElement labelElement = find(By.xpath("//label[starts-with(normalize-space(.), " + quoted(label) + ")]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Types into the form field labelled {@code label}, as a person would. */
    public void fill(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks {@code option} in the form's drop-down labelled {@code label} (searchable or not). */
    public void choose(String label, String option) {
        WebElement input = field(label);
        WebElement select = input.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
        List<WebElement> search = select.findElements(By.cssSelector("input.fjs-input"));
        if (!search.isEmpty()) {
            search.get(0).click();
            search.get(0).sendKeys(option);
        } else {
            select.findElement(By.cssSelector(".fjs-input-group, .fjs-select-display")).click();
        }
        waitFor(ExpectedConditions.elementToBeClickable(select.findElement(By.xpath(
                ".//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=" + quoted(option) + "]"))))
                .click();
    }

    static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks once nothing covers the element (a passing notice may, for a few seconds, as for a
     * person). A button at the foot of a long form is scrolled to the middle first, as a person
     * scrolls it clear of the page's fixed footer.
     */
    public void click(By by) {
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(by));
        waitFor(d -> {
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                script("arguments[0].scrollIntoView({block: 'center'})", element);
                return false;
            }
        });
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /** Waits until the page's visible text contains {@code text}, and returns that text. */
    public String waitForText(String text) {
        waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return bodyText();
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Whether the element is inside the visible part of the window (not scrolled away). */
    public boolean inSight(WebElement element) {
        return Boolean.TRUE.equals(script("const r = arguments[0].getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * The page as the README shows it: saved as {@code <name>.png} in the folder named by the
     * system property {@code ttg.screenshots} (e.g. {@code -Dttg.screenshots=docs/images}), and not
     * at all without it.
     */
    public void picture(String name) {
        String folder = System.getProperty("ttg.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path dir = Path.of(folder);
            Files.createDirectories(dir);
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot save the picture " + name, e);
        }
    }

    /** A screenshot and the console of the page as it is, kept under {@code target/browser/}. */
    public void keep(String name) {
        try {
            Path dir = Path.of("target", "browser");
            Files.createDirectories(dir);
            File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            StringBuilder console = new StringBuilder(driver.getCurrentUrl()).append('\n');
            driver.manage().logs().get(LogType.BROWSER).getAll()
                    .forEach(e -> console.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
            Files.writeString(dir.resolve(name + ".console.txt"), console);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the page " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
