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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import uk.org.throughthegate.access.TestPeople;

@SpringBootTest
@ActiveProfiles("test")
// It reads each team's whole list: a database holding only its own journeys.
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TasklistFiltersTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    @Autowired
    TasklistFilters tasklistFilters;

    @Test
    void eachTeamHasItsOwnFiltersShowingItsOwnTasksWithTheCaseReferenceAndReleaseDate() {
        ClockUtil.setCurrentTime(at("2027-01-04T10:00"));
        var lewisham = start(engine, lewishamCase("LEW-FILTER"));
        var leeds = lewishamCase("LEE-FILTER");
        leeds.put("homeYot", "leeds");
        start(engine, leeds);
        complete(engine, lewisham, "Task_RecordConsent");
        TestPeople.person(engine, "yot.lewisham", "yot-lewisham");
        TestPeople.person(engine, "custody.feltham", "custody-feltham");
        TestPeople.person(engine, "yot.leeds", "yot-leeds");
        tasklistFilters.run(null); // at start-up, for the teams that exist then
        tasklistFilters.run(null);

        assertThat(visibleFilters("yot.lewisham", "yot-lewisham")).containsExactlyInAnyOrder(
                "My team's tasks (Lewisham YOT)", "Due this week (Lewisham YOT)", "Overdue (Lewisham YOT)", "Assigned to me");
        assertThat(visibleFilters("yot.leeds", "yot-leeds")).as("not Lewisham's").doesNotContain(
                "My team's tasks (Lewisham YOT)").contains("My team's tasks (Leeds YOT)");
        assertThat(engine.getFilterService().createFilterQuery().filterName("My team's tasks (Lewisham YOT)").count())
                .as("created once").isEqualTo(1);
        assertThat(engine.getFilterService().createFilterQuery().filterName("Overdue (Lewisham YOT)").singleResult()
                .getProperties().get("variables").toString()).contains("caseReference", "releaseDate");

        assertThat(names("My team's tasks (Lewisham YOT)", "yot.lewisham", List.of("yot-lewisham")))
                .containsExactly("Hold the initial planning meeting");
        assertThat(names("Due this week (Lewisham YOT)", "yot.lewisham", List.of("yot-lewisham")))
                .as("the meeting is due on 6 January").containsExactly("Hold the initial planning meeting");
        assertThat(names("Overdue (Lewisham YOT)", "yot.lewisham", List.of("yot-lewisham"))).isEmpty();
        ClockUtil.setCurrentTime(at("2027-01-07T10:00"));
        assertThat(names("Overdue (Lewisham YOT)", "yot.lewisham", List.of("yot-lewisham")))
                .containsExactly("Hold the initial planning meeting");
        assertThat(names("My team's tasks (Feltham YOI custody team)", "custody.feltham", List.of("custody-feltham")))
                .as("the meeting is custody's as well as the YOT's").containsExactly("Hold the initial planning meeting");
        assertThat(names("My team's tasks (Leeds YOT)", "yot.leeds", List.of("yot-leeds")))
                .as("the Leeds child is at consent").containsExactly("Record consent to share information");
    }

    @Test
    void filtersMadeBeforeTeamsHadNamesAreRenamedNotMadeTwice() {
        TestPeople.person(engine, "yot.croydon", "yot-croydon");
        var old = engine.getFilterService().newTaskFilter("Overdue (yot-croydon)").setOwner(null)
                .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("yot-croydon"))
                .setProperties(new java.util.HashMap<>(java.util.Map.of("description", "Tasks of yot-croydon past their due date")));
        String oldId = engine.getFilterService().saveFilter(old).getId();

        tasklistFilters.run(null);
        tasklistFilters.run(null);

        var renamed = engine.getFilterService().getFilter(oldId);
        assertThat(renamed.getName()).isEqualTo("Overdue (Croydon YOT)");
        assertThat(renamed.getProperties()).containsEntry("description", "Tasks of Croydon YOT past their due date");
        assertThat(engine.getFilterService().createFilterQuery().filterNameLike("%(Croydon YOT)").list())
                .extracting(f -> f.getName()).containsExactlyInAnyOrder("My team's tasks (Croydon YOT)",
                        "Due this week (Croydon YOT)", "Overdue (Croydon YOT)");
        assertThat(engine.getFilterService().createFilterQuery().filterNameLike("%(yot-croydon)").count()).isZero();
    }

    List<String> visibleFilters(String user, String group) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return engine.getFilterService().createFilterQuery().list().stream().map(f -> f.getName()).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
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
