package uk.org.throughthegate.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every practitioner works from, created once at start-up (a process owner
 * may change them in Tasklist afterwards). Each filter is written for "the teams of whoever looks",
 * so one filter serves every team and shows each person only their own teams' tasks, with the case
 * reference and release date as columns.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    static final String TEAM = "My team's tasks";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String OVERDUE = "Overdue";
    static final String ASSIGNED_TO_ME = "Assigned to me";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        create(TEAM, -10, "Tasks for the teams you belong to, soonest due first", teams());
        create(DUE_THIS_WEEK, -9, "Your teams' tasks due within seven days",
                teams().dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
        create(OVERDUE, -8, "Your teams' tasks past their due date", teams().dueBeforeExpression("${now()}"));
        create(ASSIGNED_TO_ME, -7, "Tasks you have claimed",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    private TaskQuery teams() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        filters.saveFilter(filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", List.of(Map.of("name", "caseReference", "label", "Case"),
                        Map.of("name", "releaseDate", "label", "Release date")))));
    }
}
