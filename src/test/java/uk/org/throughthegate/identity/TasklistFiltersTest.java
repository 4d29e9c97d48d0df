package uk.org.throughthegate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.throughthegate.journey.JourneyScenario.*;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void eachPersonsFiltersShowTheirOwnTeamsTasksOnly() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
        var lewisham = start(engine, lewishamCase("LEW-FILTER"));
        var leeds = lewishamCase("LEE-FILTER");
        leeds.put("homeYot", "leeds");
        start(engine, leeds);
        complete(engine, lewisham, "Task_RecordConsent");
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "custody.feltham", "custody-feltham");

        assertThat(names(TasklistFilters.TEAM, "yot.lewisham", List.of("yot-lewisham")))
                .containsExactly("Hold the initial planning meeting");
        assertThat(names(TasklistFilters.DUE_THIS_WEEK, "yot.lewisham", List.of("yot-lewisham")))
                .as("the meeting is due on 6 January").containsExactly("Hold the initial planning meeting");
        assertThat(names(TasklistFilters.OVERDUE, "yot.lewisham", List.of("yot-lewisham"))).isEmpty();
        ClockUtil.setCurrentTime(at("2027-01-07T10:00"));
        assertThat(names(TasklistFilters.OVERDUE, "yot.lewisham", List.of("yot-lewisham")))
                .containsExactly("Hold the initial planning meeting");
        assertThat(names(TasklistFilters.TEAM, "custody.feltham", List.of("custody-feltham")))
                .as("the meeting is custody's as well as the YOT's; the Leeds child is still at consent").containsExactly("Hold the initial planning meeting");
    }

    List<String> names(String filter, String user, List<String> groups) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            String id = engine.getFilterService().createFilterQuery().filterName(filter).singleResult().getId();
            return engine.getFilterService().<Task>list(id).stream().map(Task::getName).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
