package uk.org.throughthegate.browser;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service on a random port with the demo users, and the browsers a test opens on it. One
 * Spring context for every browser test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
abstract class ServiceInBrowser {

    static final String DEMO_PASSWORD = "demo";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @RegisterExtension
    Browsers browsers = new Browsers(() -> "http://localhost:" + port);
}
