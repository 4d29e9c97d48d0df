package uk.org.throughthegate.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/** The engine REST API is served with the shared mapper and the remembering class loader, and answers as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestConfigurationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void theEngineRestApiIsServedWithBoth() {
        assertThat(context.getBean(ResourceConfig.class).getClasses()).contains(SharedObjectMapper.class);
        FilterRegistrationBean<?> remembering = context.getBean("rememberedServiceFiles", FilterRegistrationBean.class);
        assertThat(remembering.getUrlPatterns()).containsExactlyInAnyOrder("/engine-rest/*", "/camunda/api/*");

        TestPeople.person(engine, "rest.reader", "yot-lewisham");
        var answer = http.withBasicAuth("rest.reader", TestPeople.PASSWORD).getForEntity("/engine-rest/task?maxResults=1", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).startsWith("[");
        assertThat(http.withBasicAuth("rest.reader", TestPeople.PASSWORD).getForEntity("/engine-rest/version", String.class)
                .getBody()).contains("\"version\"");
    }
}
