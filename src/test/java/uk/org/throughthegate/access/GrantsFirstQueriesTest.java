package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who sees which tasks and process instances, through the queries that replace the engine's
 * authorization join (see GrantsFirstQueries): every kind of grant the engine honours for reading
 * them still gives exactly what it gave, in lists, counts, filters and sorts as Tasklist and Cockpit
 * ask them.
 */
@SpringBootTest
@ActiveProfiles("test")
class GrantsFirstQueriesTest {

    static final String PROBE = "authz-probe";
    static final String OTHER = "authz-probe-other";

    @Autowired
    ProcessEngine engine;

    @Autowired
    GrantsFirstQueries queries;

    @Autowired
    GroupsWithGrants groupsWithGrants;

    TaskService tasks;
    AuthorizationService grants;
    String run;
    final List<String> teamA = new ArrayList<>();
    final List<String> teamB = new ArrayList<>();
    final List<String> otherDefinition = new ArrayList<>();
    final List<String> createdGrants = new ArrayList<>();
    final List<String> instances = new ArrayList<>();

    @BeforeEach
    void twoTeamsTasksInTwoProcesses() {
        tasks = engine.getTaskService();
        grants = engine.getAuthorizationService();
        run = Long.toString(System.nanoTime(), 36);
        deploy(PROBE);
        deploy(OTHER);
        for (int i = 0; i < 3; i++) {
            teamA.add(task(PROBE, "team-a-" + run, i));
            teamB.add(task(PROBE, "team-b-" + run, i));
            otherDefinition.add(task(OTHER, "team-c-" + run, i));
        }
    }

    @AfterEach
    void cleanUp() {
        engine.getIdentityService().clearAuthentication();
        createdGrants.forEach(grants::deleteAuthorization);
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test done"));
    }

    @Test
    void theEnginesTaskAndProcessInstanceQueriesAreTheOnesThatAskGrantsFirst() {
        assertThat(queries.replaced()).containsExactlyInAnyOrder("tasks", "processInstances", "variables");
    }

    @Test
    void aTeamsFirstGrantShowsItsTaskAtOnceAndTheTeamIsThenRemembered() {
        String group = "new-team-" + run;
        asUser("new-member-" + run, group);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).as("before any grant").isZero();
        assertThat(groupsWithGrants.remembered()).doesNotContain(group);

        engine.getIdentityService().clearAuthentication();
        grant(null, group, Resources.TASK, teamA.get(2), Permissions.READ);
        asUser("new-member-" + run, group);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).list()).as("straight after the grant")
                .extracting(Task::getId).containsExactly(teamA.get(2));
        assertThat(groupsWithGrants.remembered()).contains(group);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).as("asked again, remembered").isEqualTo(1);
    }

    @Test
    void readOnAProcessInstanceShowsThatInstanceAloneInListsAndCounts() {
        String group = "case-readers-" + run;
        String instance = engine.getTaskService().createTaskQuery().taskId(teamA.get(1)).singleResult().getProcessInstanceId();
        grant(null, group, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
        asUser("case-reader-" + run, group);

        var runtime = engine.getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).list())
                .extracting(p -> p.getId()).containsExactly(instance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(OTHER).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROBE).list())
                .as("asked as a list, not by case").extracting(p -> p.getId()).containsExactly(instance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).list())
                .as("asked by ids").extracting(p -> p.getId()).containsExactly(instance);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().or().processInstanceBusinessKey(run).processDefinitionKey(OTHER)
                .endOr().list()).as("an 'or' query").extracting(p -> p.getId()).containsExactly(instance);
    }

    @Test
    void readInstanceOnEveryDefinitionShowsEveryInstanceHoweverItIsAsked() {
        String group = "all-instance-readers-" + run;
        grant(null, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE);
        asUser("all-instance-reader-" + run, group);

        var runtime = engine.getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).count()).isEqualTo(9);
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).count()).isEqualTo(9);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(OTHER).count()).isEqualTo(3);
    }

    @Test
    void readInstanceOnADefinitionShowsItsInstancesAndNoOther() {
        String group = "instance-readers-" + run;
        grant(null, group, Resources.PROCESS_DEFINITION, OTHER, Permissions.READ_INSTANCE);
        asUser("instance-reader-" + run, group);

        var runtime = engine.getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).count()).isEqualTo(3);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).orderByProcessInstanceId().asc()
                .listPage(0, 2)).hasSize(2).allSatisfy(p -> assertThat(p.getProcessDefinitionId()).startsWith(OTHER + ":"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROBE).processInstanceBusinessKey(run).count())
                .isZero();
        String probeInstance = instances.get(0);
        String otherInstance = instances.get(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(otherInstance).count()).as("by id, its definition").isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(probeInstance).count()).as("by id, another").isZero();
    }

    @Test
    void withoutGrantsOnInstancesNoneIsListedOrCounted() {
        asUser("member-a-" + run, "team-a-" + run);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run).count())
                .as("a task's candidate group reads the task, not its process instance").isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run).list()).isEmpty();
    }

    @Test
    void aTeamMemberSeesTheTeamsTasksOnlyInListsCountsAndSortedPages() {
        asUser("member-a-" + run, "team-a-" + run);

        assertThat(ids(() -> probeTasks())).containsExactlyInAnyOrderElementsOf(teamA);
        assertThat(probeTasks().count()).isEqualTo(3);
        assertThat(tasks.createTaskQuery().taskCandidateGroup("team-a-" + run).orderByDueDate().asc().listPage(0, 2))
                .extracting(Task::getId).containsExactly(teamA.get(0), teamA.get(1));
        assertThat(tasks.createTaskQuery().taskCandidateGroup("team-b-" + run).count())
                .as("another team's tasks, even when asked for by name").isZero();
        assertThat(tasks.createTaskQuery().processVariableValueEquals("order", 2).processDefinitionKey(PROBE).list())
                .extracting(Task::getId).containsExactly(teamA.get(2));
        assertThat(tasks.createTaskQuery().or().taskCandidateGroup("team-b-" + run).taskCandidateGroup("team-a-" + run)
                .endOr().count()).as("Tasklist's 'or' filters").isEqualTo(3);
    }

    /**
     * Candidate links are asked as "exists", and the list drops "distinct" (GrantsFirstQueries):
     * a task offered to two teams is still listed once, however Tasklist asks.
     */
    @Test
    void aTaskOfferedToTwoTeamsIsListedOnceHoweverItIsAsked() {
        String shared = teamA.get(0);
        tasks.addCandidateGroup(shared, "team-d-" + run);
        tasks.addCandidateUser(teamA.get(1), "member-d-" + run);
        tasks.setAssignee(teamA.get(2), "member-a-" + run);
        asUser("member-d-" + run, "team-a-" + run, "team-d-" + run);

        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("team-a-" + run, "team-d-" + run))
                .orderByDueDate().asc().list()).extracting(Task::getId).containsExactly(teamA.get(0), teamA.get(1));
        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("team-a-" + run, "team-d-" + run))
                .includeAssignedTasks().orderByDueDate().asc().list()).extracting(Task::getId)
                .containsExactlyElementsOf(teamA);
        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("team-a-" + run, "team-d-" + run))
                .includeAssignedTasks().count()).isEqualTo(3);
        assertThat(tasks.createTaskQuery().or().taskCandidateGroup("team-d-" + run).taskCandidateUser("member-d-" + run)
                .endOr().orderByDueDate().asc().list()).as("Tasklist's 'or' filter").extracting(Task::getId)
                .containsExactly(teamA.get(0), teamA.get(1));
        assertThat(tasks.createTaskQuery().taskCandidateUser("member-d-" + run).list()).extracting(Task::getId)
                .as("a candidate user").containsExactly(teamA.get(1));
        assertThat(tasks.createTaskQuery().taskInvolvedUser("member-a-" + run).list()).extracting(Task::getId)
                .as("involved (the join kept)").containsExactly(teamA.get(2));
        assertThat(tasks.createTaskQuery().withCandidateGroups().processDefinitionKey(PROBE).includeAssignedTasks().count())
                .isEqualTo(3);
        assertThat(tasks.createTaskQuery().taskCandidateGroup("team-a-" + run).includeAssignedTasks()
                .orderByProcessVariable("order", org.camunda.bpm.engine.variable.type.ValueType.INTEGER).desc().list())
                .as("sorted by a variable").extracting(Task::getId).containsExactly(teamA.get(2), teamA.get(1), teamA.get(0));
    }

    /**
     * A page of a team's (or a person's) tasks checks each task's grants as it walks them
     * (GrantsFirstQueries.probesGrants): every kind of grant shows in a page exactly what it shows
     * in the whole list and the count, which are asked the other way.
     */
    @Test
    void aPageOfATeamsTasksShowsWhatEveryKindOfGrantShowsAndNothingElse() {
        String teamA = "team-a-" + run;
        String teamB = "team-b-" + run;
        String teamC = "team-c-" + run;
        String definitionReaders = "def-page-readers-" + run;
        String lookers = "def-page-lookers-" + run;
        String everyone = "page-all-readers-" + run;
        String oneTask = "page-single-" + run;
        grant(null, definitionReaders, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ_TASK);
        grant(null, lookers, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ);
        grant(null, lookers, Resources.TASK, PROBE, Permissions.READ);
        grant(null, everyone, Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK);
        grant(oneTask, null, Resources.TASK, this.teamA.get(1), Permissions.READ);
        tasks.setAssignee(this.teamB.get(0), "member-b-" + run);

        asUser("member-a-" + run, teamA);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamA))).as("the team's own, by its task grants")
                .containsExactlyElementsOf(this.teamA);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamB))).as("another team's, named").isEmpty();
        assertThat(page(tasks.createTaskQuery().taskCandidateGroupIn(List.of(teamA, teamB)))).containsExactlyElementsOf(this.teamA);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(teamA).orderByDueDate().asc().listPage(1, 5))
                .as("the next page").extracting(Task::getId).containsExactly(this.teamA.get(1), this.teamA.get(2));

        asUser("def-page-reader-" + run, definitionReaders);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamB).includeAssignedTasks()))
                .as("through READ_TASK on the definition").containsExactlyElementsOf(this.teamB);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamC))).as("a definition not granted").isEmpty();
        assertThat(page(tasks.createTaskQuery().taskAssignee("member-b-" + run))).as("assigned to someone")
                .containsExactly(this.teamB.get(0));

        asUser("def-page-looker-" + run, lookers);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamA)))
                .as("READ alone on the definition, or a task grant named like its key").isEmpty();

        asUser("page-all-reader-" + run, everyone);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamC))).as("through READ_TASK on every definition")
                .containsExactlyElementsOf(otherDefinition);

        asUser(oneTask);
        assertThat(page(tasks.createTaskQuery().taskCandidateGroup(teamA))).as("a grant to the person on one task")
                .containsExactly(this.teamA.get(1));
        assertThat(tasks.createTaskQuery().taskCandidateGroup(teamA).listPage(1, 5)).as("the page after the first row")
                .isEmpty();
    }

    /**
     * A team's count as Tasklist asks it beside "My team's tasks" (the team's tasks, assigned or
     * not) is counted from the team's links and the user's grants (TeamTaskCounts): it counts
     * exactly what the team's list shows, whichever grants the user holds.
     */
    @Test
    void aTeamsCountIsWhatItsListShowsWhicheverGrantsTheUserHolds() {
        String teamA = "team-a-" + run;
        String teamD = "team-d-" + run;
        tasks.setAssignee(this.teamA.get(2), "member-a-" + run);
        tasks.addCandidateGroup(this.teamB.get(0), teamA);
        tasks.addCandidateGroup(this.teamA.get(0), teamD);
        grants.deleteAuthorization(grants.createAuthorizationQuery().groupIdIn(teamA).resourceType(Resources.TASK)
                .resourceId(this.teamA.get(1)).singleResult().getId());

        asUser("member-a-" + run, teamA, teamD);
        assertThat(teamCount(teamA)).as("assigned or not, offered to the team later, its grant taken away")
                .isEqualTo(teamList(teamA)).isEqualTo(3);
        assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of(teamA, teamD)).includeAssignedTasks().count())
                .as("a task offered to two of the person's teams, once").isEqualTo(3);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(teamA).count()).as("unassigned only (the engine's count)")
                .isEqualTo(tasks.createTaskQuery().taskCandidateGroup(teamA).list().size()).isEqualTo(2);
        assertThat(teamCount("team-b-" + run)).as("another team's, one of them offered to the person's team too")
                .isEqualTo(teamList("team-b-" + run)).isEqualTo(1);

        String definitionReaders = "team-count-def-readers-" + run;
        engine.getIdentityService().clearAuthentication();
        grant(null, definitionReaders, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ_TASK);
        asUser("member-a-" + run, teamA, definitionReaders);
        assertThat(teamCount(teamA)).as("with READ_TASK on the definition, the task whose grant was taken away too")
                .isEqualTo(teamList(teamA)).isEqualTo(4);

        String oneTask = "team-count-single-" + run;
        engine.getIdentityService().clearAuthentication();
        grant(oneTask, null, Resources.TASK, this.teamA.get(0), Permissions.READ);
        asUser(oneTask);
        assertThat(teamCount(teamA)).as("a grant to the person on one task").isEqualTo(teamList(teamA)).isEqualTo(1);
    }

    /**
     * Every task a person may read (Tasklist's "All tasks", {@code GET /engine-rest/task/count}) is
     * counted from the person's grants (GrantedTaskCounts): each task once however many of the
     * grants name it, a finished task not at all, and with a grant on a definition the engine's
     * count. Each time it is what the list shows.
     */
    @Test
    void everyTaskAPersonMayReadIsCountedOnceAsTheirListShowsIt() {
        String teamA = "team-a-" + run;
        String teamD = "team-d-" + run;
        String member = "member-a-" + run;
        tasks.setAssignee(this.teamA.get(2), member);
        tasks.addCandidateGroup(this.teamB.get(0), teamA);
        tasks.addCandidateGroup(this.teamA.get(1), teamD);
        grants.deleteAuthorization(grants.createAuthorizationQuery().groupIdIn(teamA).resourceType(Resources.TASK)
                .resourceId(this.teamA.get(0)).singleResult().getId());
        String finished = this.teamB.get(1);
        tasks.addCandidateGroup(finished, teamA);

        asUser(member, teamA, teamD);
        assertThat(tasks.createTaskQuery().count()).as("before a task of the team is done")
                .isEqualTo(tasks.createTaskQuery().list().size()).isEqualTo(4);
        engine.getIdentityService().clearAuthentication();
        tasks.complete(finished);

        asUser(member, teamA, teamD);
        assertThat(tasks.createTaskQuery().list()).extracting(Task::getId)
                .containsExactlyInAnyOrder(this.teamA.get(1), this.teamA.get(2), this.teamB.get(0));
        assertThat(tasks.createTaskQuery().count()).as("assigned to the person and offered to the team, offered to two of"
                + " the person's teams, another team's offered to theirs; not the one whose grant was taken away, nor the one"
                + " done").isEqualTo(3);

        String definitionReaders = "all-def-readers-" + run;
        engine.getIdentityService().clearAuthentication();
        grant(null, definitionReaders, Resources.PROCESS_DEFINITION, OTHER, Permissions.READ_TASK);
        asUser(member, teamA, teamD, definitionReaders);
        assertThat(tasks.createTaskQuery().count()).as("with READ_TASK on another definition, its tasks too")
                .isEqualTo(tasks.createTaskQuery().list().size()).isEqualTo(6);
    }

    /**
     * The count beside Tasklist's "My team's tasks" is asked with the list's sorting, as Tasklist
     * posts it: the filter's query extended by that is still a team's count, counted from links.
     */
    @Test
    void tasklistsTeamFilterExtendedByItsSortingIsStillATeamsCount() throws Exception {
        var sorting = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}",
                org.camunda.bpm.engine.rest.dto.task.TaskQueryDto.class);
        sorting.setObjectMapper(new com.fasterxml.jackson.databind.ObjectMapper());
        var teamFilter = engine.getFilterService().newTaskFilter("team-" + run).setQuery(tasks.createTaskQuery()
                .taskCandidateGroup("team-a-" + run).includeAssignedTasks().orderByDueDate().asc());

        var asked = (org.camunda.bpm.engine.impl.TaskQueryImpl) teamFilter.extend(sorting.toQuery(engine)).getQuery();

        var check = new org.camunda.bpm.engine.impl.db.AuthorizationCheck(); // as the engine configures it
        check.setAuthorizationCheckEnabled(true);
        check.setAuthUserId("member-a-" + run);
        check.setAuthGroupIds(List.of("team-a-" + run));
        var read = new org.camunda.bpm.engine.impl.db.PermissionCheck();
        read.setResource(Resources.TASK);
        read.setPermission(Permissions.READ);
        check.addAtomicPermissionCheck(read);
        check.setUseLeftJoin(false);
        asked.setAuthCheck(check);
        assertThat(TeamTaskCounts.isTeamCount(asked)).isTrue();
    }

    /** A task with a tenant is left to the engine's count, which checks the user's tenants. */
    @Test
    void aTeamsCountLeavesOutTasksOfTenantsTheUserIsNotIn() {
        String tenant = "tenant-" + run;
        String deployment = engine.getRepositoryService().createDeployment().name(PROBE + "-tenant").tenantId(tenant)
                .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).name(PROBE).startEvent()
                        .userTask("Task_Probe").name("Probe").camundaCandidateGroups("${team}").endEvent().done())
                .deploy().getId();
        try {
            engine.getRuntimeService().createProcessInstanceByKey(PROBE).processDefinitionTenantId(tenant).businessKey(run)
                    .setVariable("team", "team-a-" + run).execute();
            asUser("member-a-" + run, "team-a-" + run);
            assertThat(teamCount("team-a-" + run)).isEqualTo(teamList("team-a-" + run)).isEqualTo(3);
        } finally {
            engine.getIdentityService().clearAuthentication();
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private long teamCount(String team) {
        return tasks.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks().orderByDueDate().asc().count();
    }

    private int teamList(String team) {
        return tasks.createTaskQuery().taskCandidateGroup(team).includeAssignedTasks().list().size();
    }

    /** The first page of 15, soonest due first, as Tasklist and the team's list ask it. */
    private static List<String> page(TaskQuery query) {
        return query.orderByDueDate().asc().listPage(0, 15).stream().map(Task::getId).toList();
    }

    @Test
    void someoneWithoutGrantsSeesNoTasks() {
        asUser("nobody-" + run);

        assertThat(probeTasks().count()).isZero();
        assertThat(probeTasks().list()).isEmpty();
    }

    @Test
    void aGrantOnOneTaskShowsThatTaskAlone() {
        String user = "single-" + run;
        grant(user, null, Resources.TASK, teamB.get(1), Permissions.READ);
        asUser(user);

        assertThat(ids(() -> tasks.createTaskQuery())).containsExactly(teamB.get(1));
        assertThat(tasks.createTaskQuery().count()).isEqualTo(1);
    }

    @Test
    void readTaskOnAProcessDefinitionShowsEveryTaskOfItAndNoOther() {
        String group = "def-readers-" + run;
        grant(null, group, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ_TASK);
        asUser("def-reader-" + run, group);

        List<String> expected = new ArrayList<>(teamA);
        expected.addAll(teamB);
        assertThat(ids(() -> tasks.createTaskQuery().processInstanceBusinessKey(run))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isEqualTo(6);
    }

    @Test
    void readingOnlyTheDefinitionDoesNotShowItsTasks() {
        String group = "def-lookers-" + run;
        grant(null, group, Resources.PROCESS_DEFINITION, PROBE, Permissions.READ);
        asUser("def-looker-" + run, group);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isZero();
    }

    /**
     * A grant is matched against a definition's key only when it is a grant on definitions, as the
     * engine's own check does: a grant on a task (or an instance) whose id happens to read like the
     * process's key shows nothing of that process.
     */
    @Test
    void aGrantOnATaskOrInstanceNamedLikeTheProcessKeyShowsNoneOfItsTasksOrInstances() {
        String group = "key-alikes-" + run;
        grant(null, group, Resources.TASK, PROBE, Permissions.READ);
        grant(null, group, Resources.PROCESS_INSTANCE, PROBE, Permissions.READ);
        asUser("key-alike-" + run, group);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).list()).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run).count()).isZero();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().count()).isZero();
    }

    @Test
    void readTaskOnEveryDefinitionShowsEveryTask() {
        String group = "all-readers-" + run;
        grant(null, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK);
        asUser("all-reader-" + run, group);

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).count()).isEqualTo(9);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(run).list()).hasSize(9);
    }

    private TaskQuery probeTasks() {
        return tasks.createTaskQuery().processInstanceBusinessKey(run);
    }

    /**
     * Tasklist's case columns and REST's /variable-instance: a variable is read through a grant on
     * its process instance or its definition, or (a task's own variable) through the task.
     */
    @Test
    void variablesAreReadThroughTheirInstanceTheirDefinitionOrTheirTaskAndNoOtherWay() {
        var runtime = engine.getRuntimeService();
        String[] everyInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(run).list().stream()
                .map(p -> p.getId()).toArray(String[]::new);
        String readInstance = tasks.createTaskQuery().taskId(teamA.get(0)).singleResult().getProcessInstanceId();
        String workedInstance = tasks.createTaskQuery().taskId(teamA.get(1)).singleResult().getProcessInstanceId();
        tasks.setVariableLocal(teamA.get(1), "note", "the task's own");
        String group = "variable-readers-" + run;
        grant(null, group, Resources.PROCESS_INSTANCE, readInstance, Permissions.READ);
        grant(null, group, Resources.PROCESS_DEFINITION, OTHER, Permissions.READ_INSTANCE);
        List<String> expected = expectedVariables(readInstance, workedInstance);
        asUser("variable-reader-" + run, group, "team-a-" + run);

        Supplier<org.camunda.bpm.engine.runtime.VariableInstanceQuery> query = () -> runtime.createVariableInstanceQuery()
                .processInstanceIdIn(everyInstance);
        var read = query.get().list();
        assertThat(read).extracting(v -> v.getProcessInstanceId() + "/" + v.getName()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(query.get().count()).isEqualTo(read.size());
        assertThat(query.get().variableName("team").orderByVariableName().asc().listPage(0, 2)).hasSize(2);
        assertThat(query.get().variableScopeIdIn(workedInstance, teamA.get(1)).list())
                .as("the columns of the worked task, as Tasklist asks them").extracting(v -> v.getName()).containsExactly("note");
        assertThat(runtime.createVariableInstanceQuery().variableName("note").list())
                .as("asked by name alone (every grant collected, not probed per row)").extracting(v -> v.getTaskId())
                .containsExactly(teamA.get(1));
    }

    @Test
    void withoutGrantsNoVariableIsRead() {
        String[] everyInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run).list()
                .stream().map(p -> p.getId()).toArray(String[]::new);
        asUser("stranger-" + run, "strangers-" + run);

        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(everyInstance).count()).isZero();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(everyInstance).list()).isEmpty();
    }

    /** The read instance's variables, every OTHER instance's, and the worked task's own one. */
    private List<String> expectedVariables(String readInstance, String workedInstance) {
        List<String> expected = new ArrayList<>();
        List<String> instances = new ArrayList<>(List.of(readInstance));
        otherDefinition.forEach(t -> instances.add(tasks.createTaskQuery().taskId(t).singleResult().getProcessInstanceId()));
        for (String instance : instances) {
            for (String name : List.of("team", "order", "due")) {
                expected.add(instance + "/" + name);
            }
        }
        expected.add(workedInstance + "/note");
        return expected;
    }

    private static List<String> ids(Supplier<TaskQuery> query) {
        return query.get().list().stream().map(Task::getId).toList();
    }

    void asUser(String user, String... groups) {
        engine.getIdentityService().setAuthentication(user, List.of(groups));
    }

    private void deploy(String key) {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            engine.getRepositoryService().createDeployment().name(key)
                    .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).name(key).startEvent()
                            .userTask("Task_Probe").name("Probe").camundaCandidateGroups("${team}")
                            .camundaDueDate("${due}").endEvent().done())
                    .deploy();
        }
    }

    private String task(String key, String team, int order) {
        var instance = engine.getRuntimeService().startProcessInstanceByKey(key, run,
                Map.of("team", team, "order", order, "due", new Date(1_900_000_000_000L + order * 86_400_000L)));
        instances.add(instance.getId()); // in order: team A, team B, the other definition, then again
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    void grant(String user, String group, Resources resource, String id, Permissions permission) {
        Authorization grant = grants.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        grant.addPermission(permission);
        createdGrants.add(grants.saveAuthorization(grant).getId());
    }
}
