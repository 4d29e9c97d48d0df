package uk.org.throughthegate.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * tasks", "Due this week" and "Overdue" for each team, named for people ("My team's tasks
 * (Lewisham YOT)", see {@link TeamNames}) and seen by that team only, and "Assigned to me" for
 * everyone. Each shows the case reference and release date as columns. A team added later gets
 * its filters at the next start; filters named by group id before are renamed.
 */
@Component
@Order(1)
class TasklistFilters implements ApplicationRunner {

    static final String TEAM = "My team's tasks";
    static final String DUE_THIS_WEEK = "Due this week";
    static final String OVERDUE = "Overdue";
    static final String ASSIGNED_TO_ME = "Assigned to me";
    /** The filter property naming the team a filter is for (its group id), so it is made once. */
    static final String TEAM_PROPERTY = "team";

    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TeamNames teamNames;

    TasklistFilters(FilterService filters, TaskService tasks, IdentityService identity,
            AuthorizationService authorizations, TeamNames teamNames) {
        this.filters = filters;
        this.tasks = tasks;
        this.identity = identity;
        this.authorizations = authorizations;
        this.teamNames = teamNames;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> teamsWithFilters = new HashSet<>();
        for (Filter filter : filters.createFilterQuery().list()) {
            Object team = filter.getProperties() == null ? null : filter.getProperties().get(TEAM_PROPERTY);
            if (team != null) {
                teamsWithFilters.add(team.toString());
            }
        }
        for (Group group : identity.createGroupQuery().orderByGroupId().asc().list()) {
            String team = group.getId();
            if (!Teams.isTeam(team) || teamsWithFilters.contains(team)) {
                continue;
            }
            String named = teamNames.of(group);
            for (String filter : List.of(TEAM, DUE_THIS_WEEK, OVERDUE)) {
                rename(name(filter, team), team, name(filter, named), description(filter, named));
            }
            create(name(TEAM, named), team, -10, description(TEAM, named), team(team));
            create(name(DUE_THIS_WEEK, named), team, -9, description(DUE_THIS_WEEK, named),
                    team(team).dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
            create(name(OVERDUE, named), team, -8, description(OVERDUE, named),
                    team(team).dueBeforeExpression("${now()}"));
        }
        create(ASSIGNED_TO_ME, null, -7, "Tasks you have claimed",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    /** A filter's name as Tasklist lists it: "My team's tasks (Lewisham YOT)". */
    static String name(String filter, String teamName) {
        return filter + " (" + teamName + ")";
    }

    private static String description(String filter, String teamName) {
        return switch (filter) {
            case TEAM -> "Tasks of " + teamName + ", soonest due first";
            case DUE_THIS_WEEK -> "Tasks of " + teamName + " due within seven days";
            default -> "Tasks of " + teamName + " past their due date";
        };
    }

    /** A filter made before teams had names ("My team's tasks (yot-lewisham)") gets the team's name. */
    private void rename(String from, String team, String to, String description) {
        for (Filter filter : filters.createFilterQuery().filterName(from).list()) {
            Map<String, Object> properties = new HashMap<>(filter.getProperties());
            properties.put("description", description);
            properties.put(TEAM_PROPERTY, team);
            filters.saveFilter(filter.setName(to).setProperties(properties));
        }
    }

    private TaskQuery team(String team) {
        return tasks.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks().orderByDueDate().asc();
    }

    /** Creates the filter once, readable by its team only, or by everyone when it has no team. */
    private void create(String name, String team, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(Map.of(
                "description", description,
                "priority", priority,
                "refresh", true,
                "variables", CaseAccess.TASKLIST_COLUMNS.stream()
                        .map(column -> Map.of("name", column.variable(), "label", column.label())).toList()));
        if (team != null) {
            properties.put(TEAM_PROPERTY, team);
        }
        Filter filter = filters.saveFilter(filters.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties));
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
