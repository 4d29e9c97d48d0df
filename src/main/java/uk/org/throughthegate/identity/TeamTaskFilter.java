package uk.org.throughthegate.identity;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filter every practitioner starts from: the tasks of their own teams, soonest due
 * first. Created once; a process owner may change it in Tasklist afterwards.
 */
@Component
@org.springframework.core.annotation.Order(1)
class TeamTaskFilter implements ApplicationRunner {

    static final String NAME = "My team's tasks";

    private final FilterService filters;
    private final TaskService tasks;

    TeamTaskFilter(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (filters.createFilterQuery().filterName(NAME).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(NAME)
                .setOwner(null)
                .setQuery(tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .orderByDueDate().asc())
                .setProperties(Map.of(
                        "description", "Tasks for the teams you belong to, soonest due first",
                        "priority", -10,
                        "refresh", true,
                        "variables", java.util.List.of(
                                Map.of("name", "caseReference", "label", "Case"),
                                Map.of("name", "releaseDate", "label", "Release date"))));
        filters.saveFilter(filter);
    }
}
