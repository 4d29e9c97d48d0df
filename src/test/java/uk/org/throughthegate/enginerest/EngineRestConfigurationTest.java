package uk.org.throughthegate.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * The engine REST API is served with the shared mapper and the remembering class loader, and
 * answers as before; Tasklist's lists name each task's process, remembered only where everyone may
 * read it.
 */
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

    /**
     * A team's Tasklist list embeds each task's process (its name in the list). A process every
     * user may read is remembered for a minute; one only some may read is asked on each call with
     * the caller's grants, so what an administrator was shown is never shown to a team.
     */
    @Test
    void aTasklistListNamesEachTasksProcessRememberedOnlyWhereEveryoneMayReadIt() {
        TestPeople.person(engine, "list.reader", "yot-lewisham");
        TestPeople.person(engine, "list.admin", "camunda-admin");
        var repository = engine.getRepositoryService();
        String deployment = repository.createDeployment().name("definition cache test")
                .addModelInstance("read-by-everyone.bpmn", oneTask("read-by-everyone", "Read by everyone"))
                .addModelInstance("read-by-some.bpmn", oneTask("read-by-some", "Read by some"))
                .deploy().getId();
        var grants = engine.getAuthorizationService();
        Authorization everyone = grants.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        everyone.setResource(Resources.PROCESS_DEFINITION);
        everyone.setResourceId("read-by-everyone");
        everyone.addPermission(Permissions.READ);
        grants.saveAuthorization(everyone);
        var filters = engine.getFilterService();
        var filter = filters.saveFilter(filters.newTaskFilter("definition cache test")
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("yot-lewisham")
                        .processDefinitionKeyIn("read-by-everyone", "read-by-some")));
        Authorization readFilter = grants.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readFilter.setGroupId("yot-lewisham");
        readFilter.setResource(Resources.FILTER);
        readFilter.setResourceId(filter.getId());
        readFilter.addPermission(Permissions.READ);
        grants.saveAuthorization(readFilter);
        try {
            engine.getRuntimeService().startProcessInstanceByKey("read-by-everyone");
            engine.getRuntimeService().startProcessInstanceByKey("read-by-some");
            String byEveryone = definition("read-by-everyone").getId();
            String bySome = definition("read-by-some").getId();
            EveryonesDefinitions remembered = context.getBean(EveryonesDefinitions.class);

            assertThat(list("list.admin", filter.getId())).as("the administrator reads every process")
                    .contains("Read by everyone", "Read by some");
            String teams = list("list.reader", filter.getId());
            assertThat(json(teams).path("_embedded").path("task").size()).as("the team's list: both tasks").isEqualTo(2);
            assertThat(teams).as("the process only where the team may read it")
                    .contains("Read by everyone").doesNotContain("Read by some");
            assertThat(remembered.get(byEveryone)).as("remembered: everyone may read it").isNotNull();
            assertThat(remembered.get(bySome)).as("never remembered: only some may read it").isNull();

            repository.suspendProcessDefinitionById(byEveryone);
            ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 59_000));
            assertThat(embeddedSuspended(list("list.reader", filter.getId()))).as("within the minute, as remembered")
                    .containsExactly(false);
            ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 61_000));
            assertThat(embeddedSuspended(list("list.reader", filter.getId()))).as("after it, asked again")
                    .containsExactly(true);
        } finally {
            ClockUtil.reset();
            filters.deleteFilter(filter.getId()); // and its grants
            grants.deleteAuthorization(everyone.getId());
            repository.deleteDeployment(deployment, true);
        }
    }

    private static BpmnModelInstance oneTask(String key, String name) {
        return Bpmn.createExecutableProcess(key).name(name).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Look").name("Look").camundaCandidateGroups("yot-lewisham").endEvent().done();
    }

    /** Whether each process the list embeds is suspended (the tasks' own flag is not this). */
    private static List<Boolean> embeddedSuspended(String hal) {
        List<Boolean> suspended = new java.util.ArrayList<>();
        json(hal).path("_embedded").path("processDefinition")
                .forEach(definition -> suspended.add(definition.path("suspended").asBoolean()));
        return suspended;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private ProcessDefinition definition(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).singleResult();
    }

    private String list(String user, String filterId) {
        HttpHeaders hal = new HttpHeaders();
        hal.setContentType(MediaType.APPLICATION_JSON);
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        var listed = http.withBasicAuth(user, TestPeople.PASSWORD).exchange("/engine-rest/filter/" + filterId + "/list",
                HttpMethod.POST, new HttpEntity<>(Map.of(), hal), String.class);
        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
        return listed.getBody();
    }
}
