package uk.org.throughthegate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A journey's rows are named by compact ids (see CompactIds), at run time and in history. */
@SpringBootTest
@ActiveProfiles("test")
class EngineIdsTest {

    private static final String COMPACT = "[0-9A-Za-z]{22}";

    @Autowired
    ProcessEngine engine;

    @Test
    void aJourneysInstanceTasksStepsAndVariablesHaveCompactIds() {
        ProcessInstance journey = start(engine, lewishamCase("LEW-IDS-1"));
        complete(engine, journey, "Task_RecordConsent", "consentToShare", "given");

        assertThat(journey.getId()).matches(COMPACT);
        assertThat(journey.getProcessDefinitionId()).matches("resettlement-journey:\\d+:" + COMPACT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).list())
                .isNotEmpty().extracting(Task::getId).allMatch(id -> id.matches(COMPACT));
        var history = engine.getHistoryService();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId()).list())
                .isNotEmpty().extracting(HistoricActivityInstance::getId)
                .allMatch(id -> id.matches("\\w+:" + COMPACT), "an activity instance id is its step and a compact id");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId()).list())
                .isNotEmpty().extracting(HistoricVariableInstance::getId).allMatch(id -> id.matches(COMPACT));
    }
}
