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
import uk.org.throughthegate.access.WebappLogin;

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

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate sql;

    @Test
    void theEngineRestApiIsServedWithBoth() {
        assertThat(context.getBean(ResourceConfig.class).getClasses()).contains(SharedObjectMapper.class,
                FilterListInOneCommand.NamedEngine.class, FilterListInOneCommand.DefaultEngine.class)
                .doesNotContain(org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl.class,
                        org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl.class);
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
     * Tasklist asks through the webapp's own engine API with the session of its login. That API is
     * ours, with the shared mapper, and answers as the webapp's did: a team's list and count of a
     * filter, dates in the engine's format.
     */
    @Test
    void tasklistsOwnApiIsServedWithTheSharedMapperAndListsAsBefore() {
        TestPeople.person(engine, "tasklist.reader", "yot-lewisham");
        var repository = engine.getRepositoryService();
        String deployment = repository.createDeployment().name("webapp engine API test")
                .addModelInstance("webapp-api.bpmn", oneTask("webapp-api", "Through Tasklist's API")).deploy().getId();
        var filters = engine.getFilterService();
        var filter = filters.saveFilter(filters.newTaskFilter("webapp engine API test")
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("yot-lewisham")
                        .processDefinitionKey("webapp-api")));
        grant("yot-lewisham", Resources.FILTER, filter.getId());
        try {
            String instance = engine.getRuntimeService().startProcessInstanceByKey("webapp-api").getId();
            var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
            task.setDueDate(java.util.Date.from(java.time.Instant.parse("2026-12-24T09:00:00Z")));
            engine.getTaskService().saveTask(task);
            HttpHeaders session = WebappLogin.session(http, "tasklist", "tasklist.reader");

            var listed = tasklistList(session, filter.getId());
            assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
            var tasks = json(listed.getBody()).path("_embedded").path("task");
            assertThat(tasks.size()).as("the team's task").isEqualTo(1);
            assertThat(tasks.get(0).path("due").asText()).as("in the engine's date format").isEqualTo("2026-12-24T09:00:00.000+0000");
            assertThat(json(listed.getBody()).path("count").asLong()).isEqualTo(1);
            var counted = http.exchange("/camunda/api/engine/engine/default/filter/" + filter.getId() + "/count",
                    HttpMethod.GET, new HttpEntity<>(session), String.class);
            assertThat(counted.getBody()).isEqualTo("{\"count\":1}");

            var servlet = context.getBean("webappEngineApi", org.springframework.boot.web.servlet.ServletRegistrationBean.class);
            assertThat(servlet.getServletName()).isEqualTo(EngineRestConfiguration.WEBAPP_ENGINE_API);
            assertThat(((org.glassfish.jersey.servlet.ServletContainer) servlet.getServlet()).getConfiguration().getClasses())
                    .as("the API that answered is ours, with the shared mapper")
                    .contains(SharedObjectMapper.class);
        } finally {
            filters.deleteFilter(filter.getId()); // and its grants
            repository.deleteDeployment(deployment, true);
        }
    }

    /**
     * A filter's list as Tasklist asks for it is read in one command: the filter once, where the
     * engine's REST layer read it for the page, again for the count and again for its variables'
     * names. Refusals are as before: a team without a grant on the filter is refused, an unknown
     * filter is not found, through both APIs.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFiltersListReadsTheFilterOnceAndRefusesAsBefore(org.springframework.boot.test.system.CapturedOutput log) {
        TestPeople.person(engine, "once.reader", "yot-lewisham");
        TestPeople.person(engine, "once.other", "yot-leeds");
        var repository = engine.getRepositoryService();
        String deployment = repository.createDeployment().name("one command test")
                .addModelInstance("one-command.bpmn", oneTask("one-command", "Read once")).deploy().getId();
        var filters = engine.getFilterService();
        var filter = filters.saveFilter(filters.newTaskFilter("one command test")
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("yot-lewisham")
                        .processDefinitionKey("one-command"))
                .setProperties(Map.of("variables", List.of(Map.of("name", "caseReference", "label", "Case")))));
        grant("yot-lewisham", Resources.FILTER, filter.getId());
        try {
            for (String reference : List.of("ONE-1", "ONE-2")) {
                // the team's grant on the case, as a journey's, so its variables show
                grant("yot-lewisham", Resources.PROCESS_INSTANCE, engine.getRuntimeService()
                        .startProcessInstanceByKey("one-command", Map.of("caseReference", reference)).getId());
            }
            HttpHeaders session = WebappLogin.session(http, "tasklist", "once.reader");

            String[] listed = new String[2];
            assertThat(filterReads(() -> {
                listed[0] = list("once.reader", filter.getId());
                listed[1] = tasklistList(session, filter.getId()).getBody();
            })).as("the filter read once per list, in each API").isEqualTo(2);

            for (String hal : listed) {
                assertThat(json(hal).path("count").asLong()).isEqualTo(2);
                assertThat(json(hal).path("_embedded").path("task").size()).isEqualTo(2);
                assertThat(hal).as("the filter's variables, named by the filter").contains("ONE-1", "ONE-2");
            }

            HttpHeaders hal = new HttpHeaders();
            hal.setContentType(MediaType.APPLICATION_JSON);
            hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
            var refused = http.withBasicAuth("once.other", TestPeople.PASSWORD).exchange("/engine-rest/filter/" + filter.getId() + "/list",
                    HttpMethod.POST, new HttpEntity<>(Map.of(), hal), String.class);
            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("READ").contains(filter.getId()).doesNotContain("ONE-1");
            var refusedInTasklist = tasklistList(WebappLogin.session(http, "tasklist", "once.other"), filter.getId());
            assertThat(refusedInTasklist.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            // The engine checks the grant before it looks: a team cannot learn which filters exist.
            assertThat(tasklistList(session, "no-such-filter").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            TestPeople.person(engine, "once.admin", "camunda-admin");
            var unknown = http.withBasicAuth("once.admin", TestPeople.PASSWORD).exchange("/engine-rest/filter/no-such-filter/list",
                    HttpMethod.POST, new HttpEntity<>(Map.of(), hal), String.class);
            assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(unknown.getBody()).contains("no-such-filter");
            assertThat(log.getOut()).as("an answer of the REST layer is no error of the engine").doesNotContain("ENGINE-16004");
        } finally {
            filters.deleteFilter(filter.getId()); // and its grants
            repository.deleteDeployment(deployment, true);
        }
    }

    /** How often the database read a filter by its id while {@code calls} ran (H2's statistics). */
    private long filterReads(Runnable calls) {
        sql.execute("SET QUERY_STATISTICS FALSE");
        sql.execute("SET QUERY_STATISTICS TRUE");
        try {
            calls.run();
            return sql.queryForObject("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                    + "WHERE LOWER(SQL_STATEMENT) LIKE '%from act_ru_filter%where id_ = ?%'", Long.class);
        } finally {
            sql.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    private org.springframework.http.ResponseEntity<String> tasklistList(HttpHeaders session, String filterId) {
        HttpHeaders hal = new HttpHeaders();
        hal.addAll(session);
        hal.setContentType(MediaType.APPLICATION_JSON);
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        return http.exchange("/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                HttpMethod.POST, new HttpEntity<>(Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))), hal),
                String.class);
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
        grant("yot-lewisham", Resources.FILTER, filter.getId());
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

    /** A team's READ of one resource. */
    private void grant(String team, Resources resource, String id) {
        Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(team);
        read.setResource(resource);
        read.setResourceId(id);
        read.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);
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
