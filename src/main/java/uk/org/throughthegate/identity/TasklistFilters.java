package uk.org.throughthegate.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.org.throughthegate.access.CaseAccess;
import uk.org.throughthegate.access.Teams;

/**
 * The Tasklist filters every practitioner works from, created at start-up for every team that
 * exists then, once each (a process owner may change them in Tasklist afterwards): "My team's
 * tasks", "Due this week" and "Overdue" for each team, seen by that team only, and "Assigned to me"
 * for everyone. Each shows the case reference and release date as columns. A team added later
 * gets its filters at the next start.
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
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, IdentityService identity,
            AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Group group : identity.createGroupQuery().orderByGroupId().asc().list()) {
            if (Teams.isTeam(group.getId())) {
                String team = group.getId();
                create(name(TEAM, team), team, -10, "Tasks of " + team + ", soonest due first", team(team));
                create(name(DUE_THIS_WEEK, team), team, -9, "Tasks of " + team + " due within seven days",
                        team(team).dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
                create(name(OVERDUE, team), team, -8, "Tasks of " + team + " past their due date",
                        team(team).dueBeforeExpression("${now()}"));
            }
        }
        create(ASSIGNED_TO_ME, null, -7, "Tasks you have claimed",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    static String name(String filter, String team) {
        return filter + " (" + team + ")";
    }

    private TaskQuery team(String team) {
        return tasks.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks().orderByDueDate().asc();
    }

    /** Creates the filter once, readable by its team only, or by everyone when it has no team. */
    private void create(String name, String team, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.saveFilter(filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", CaseAccess.TASKLIST_COLUMNS.stream()
                        .map(column -> Map.of("name", column.variable(), "label", column.label())).toList())));
        Authorization read = authorizations.createNewAuthorization(team == null ? Authorization.AUTH_TYPE_GLOBAL
                : Authorization.AUTH_TYPE_GRANT);
        if (team == null) {
            read.setUserId(Authorization.ANY);
        } else {
            read.setGroupId(team);
        }
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
