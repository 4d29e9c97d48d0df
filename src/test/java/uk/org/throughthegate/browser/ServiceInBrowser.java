package uk.org.throughthegate.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service on a random port with the demo users, and the browsers a test opens on it. One
 * Spring context for each browser test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// Each class reads whole lists and counts as a team sees them: it starts on a database of its own.
@DirtiesContext
abstract class ServiceInBrowser {

    static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @RegisterExtension
    Browsers browsers = new Browsers(() -> "http://localhost:" + port);
}
