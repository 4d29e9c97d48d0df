package uk.org.throughthegate.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

/**
 * A process owner's sketch deployed from the Modeler, with a user task that has no Camunda Form:
 * its team completes it (the completion check asks the model, and a failed form lookup would have
 * doomed the transaction: 500 UnexpectedRollbackException, the task never completable).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskWithoutFormTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate http;

    @Test
    void aTaskWithoutAFormCompletesThroughTheEngineRestApiWithAnEmptyBody() {
        var sketch = Bpmn.createExecutableProcess("owners-sketch").camundaHistoryTimeToLive(30).startEvent()
                .userTask("Task_CheckSomething").name("Check something").camundaCandidateGroups("yot-lewisham")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("owners-sketch.bpmn", sketch).deploy();
        var run = engine.getRuntimeService().startProcessInstanceByKey("owners-sketch");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(run.getId()).singleResult().getId();
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var done = http.withBasicAuth("yot.lewisham", TestPeople.PASSWORD).exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of(), headers), String.class);

        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();
    }
}
