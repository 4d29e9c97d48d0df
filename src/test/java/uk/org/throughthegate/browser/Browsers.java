package uk.org.throughthegate.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers a test opens, one per person: on a failed test each one's page, screenshot and
 * console errors are kept under {@code target/browser/<test>-<n>}; all are closed after the test.
 */
public class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private final Supplier<String> base;
    private final List<Browser> open = new ArrayList<>();

    public Browsers(Supplier<String> base) {
        this.base = base;
    }

    public Browser open() {
        Browser browser = Browser.open(base.get());
        open.add(browser);
        return browser;
    }

    /** A browser logged in to {@code app} as {@code user}. */
    public Browser loggedIn(String app, String user, String password) {
        Browser browser = open();
        browser.logInTo(app, user, password);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < open.size(); i++) {
                open.get(i).keep(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + "-" + (i + 1));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(Browser::close);
        open.clear();
    }
}
