package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.Test;

/**
 * Which way a task query asks its grants, and how its page is limited: decided from the query
 * alone, before any SQL is written (GrantsFirstQueries).
 */
class GrantsFirstQueriesChoiceTest {

    @Test
    void aPageOfATeamsOrAPersonsTasksProbesItsGrantsTaskByTask() {
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskCandidateGroup("yot-lewisham")))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page((TaskQueryImpl) new TaskQueryImpl()
                .taskCandidateGroupIn(List.of("yot-lewisham", "yot-hackney"))))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskCandidateUser("yot.lewisham")))).isTrue();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl().taskAssignee("yot.lewisham")))).isTrue();
    }

    @Test
    void countsWholeListsUnnamedListsAndOrQueriesCollectTheGrantsTheyName() {
        assertThat(GrantsFirstQueries.probesGrants(new TaskQueryImpl().taskCandidateGroup("yot-lewisham")))
                .as("a count, or a list without a page").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(page(new TaskQueryImpl()))).as("every task the user may read").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(page((TaskQueryImpl) new TaskQueryImpl().processDefinitionKey("resettlement-journey"))))
                .isFalse();
        TaskQueryImpl or = (TaskQueryImpl) new TaskQueryImpl().or().taskCandidateGroup("yot-lewisham")
                .taskCandidateUser("yot.lewisham").endOr();
        assertThat(GrantsFirstQueries.probesGrants(page(or))).as("Tasklist's 'or' filter").isFalse();
        assertThat(GrantsFirstQueries.probesGrants(new ListQueryParameterObject())).isFalse();
    }

    @Test
    void onlyACheckedQueryThatNamesNoTeamOrPersonAsksWhetherTheUserHoldsWiderGrants() {
        assertThat(TaskGrantsBeyondRows.collectsGrants(checked(new TaskQueryImpl()))).as("every task the user may read").isTrue();
        assertThat(TaskGrantsBeyondRows.collectsGrants(checked((TaskQueryImpl) new TaskQueryImpl().processInstanceBusinessKey("C-1"))))
                .isTrue();
        assertThat(TaskGrantsBeyondRows.collectsGrants(checked(new TaskQueryImpl().taskCandidateGroup("yot-lewisham"))))
                .as("a team's count, found through the team's links").isFalse();
        assertThat(TaskGrantsBeyondRows.collectsGrants(checked(page(new TaskQueryImpl().taskAssignee("yot.lewisham")))))
                .as("a page of a person's tasks, probed").isFalse();
        assertThat(TaskGrantsBeyondRows.collectsGrants(new TaskQueryImpl())).as("not checked (an administrator)").isFalse();
    }

    @Test
    void aTeamsCountAssignedOrNotAndNothingElseIsCountedFromItsLinksAndGrants() {
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().orderByDueDate().asc()))).as("Tasklist's 'My team's tasks'").isTrue();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl()
                .taskCandidateGroupIn(List.of("yot-lewisham", "yot-hackney")).includeAssignedTasks()))).isTrue();
        TaskQueryImpl formKeys = (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham").includeAssignedTasks();
        formKeys.initializeFormKeys();
        assertThat(TeamTaskCounts.isTeamCount(checked(formKeys))).as("what is returned, not which tasks").isTrue();
    }

    @Test
    void aCountThatAsksAnythingElseOfATaskIsTheEngines() {
        assertThat(TeamTaskCounts.isTeamCount(checked(new TaskQueryImpl().taskCandidateGroup("yot-lewisham"))))
                .as("unassigned tasks only: the assignee is the task's").isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().dueBefore(new java.util.Date())))).as("'due this week'").isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().processVariableValueEquals("caseReference", "C-1")))).isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().active()))).isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().processDefinitionKey("resettlement-journey")))).isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateUser("yot.lewisham")
                .includeAssignedTasks()))).as("a person's groups, found by the engine").isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks().or().taskAssignee("yot.lewisham").taskOwner("yot.lewisham").endOr())))
                .as("an 'or' filter").isFalse();
        assertThat(TeamTaskCounts.isTeamCount(checked(new TaskQueryImpl()))).as("every task the user may read").isFalse();
        assertThat(TeamTaskCounts.isTeamCount((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks())).as("not checked (an administrator)").isFalse();
        TaskQueryImpl revokes = checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham").includeAssignedTasks());
        revokes.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
        assertThat(TeamTaskCounts.isTeamCount(revokes)).as("revoke checks").isFalse();
        TaskQueryImpl caseTasks = checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham").includeAssignedTasks());
        caseTasks.getAuthCheck().setUseLeftJoin(true);
        assertThat(TeamTaskCounts.isTeamCount(caseTasks)).as("with CMMN on, case tasks are read without grants").isFalse();
    }

    @Test
    void onlyACountThatAsksNothingOfATaskIsCountedFromTheGrants() {
        assertThat(GrantedTaskCounts.asksNothing(checked(new TaskQueryImpl()))).as("every task the user may read").isTrue();
        TaskQueryImpl sorted = checked((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc());
        sorted.initializeFormKeys();
        assertThat(GrantedTaskCounts.asksNothing(sorted)).as("sorted, with form keys: what is returned, not which tasks")
                .isTrue();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("yot-lewisham")
                .includeAssignedTasks()))).as("a team's count (TeamTaskCounts)").isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl().taskAssignee("yot.lewisham"))))
                .as("a person's tasks").isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl().taskCandidateUser("yot.lewisham"))))
                .isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl().taskUnassigned()))).isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl().active()))).isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl()
                .processVariableValueEquals("caseReference", "C-1")))).isFalse();
        assertThat(GrantedTaskCounts.asksNothing(checked((TaskQueryImpl) new TaskQueryImpl()
                .or().taskAssignee("yot.lewisham").taskOwner("yot.lewisham").endOr()))).as("an 'or' filter").isFalse();
        assertThat(GrantedTaskCounts.asksNothing(new TaskQueryImpl())).as("not checked (an administrator)").isFalse();
        TaskQueryImpl revokes = checked(new TaskQueryImpl());
        revokes.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
        assertThat(GrantedTaskCounts.asksNothing(revokes)).as("revoke checks").isFalse();
        TaskQueryImpl caseTasks = checked(new TaskQueryImpl());
        caseTasks.getAuthCheck().setUseLeftJoin(true);
        assertThat(GrantedTaskCounts.asksNothing(caseTasks)).as("with CMMN on, case tasks are read without grants").isFalse();
    }

    @Test
    void variablesOfNamedInstancesTasksOrScopesAreProbedPerRow() {
        assertThat(GrantsFirstQueries.namesFewVariables(new VariableInstanceQueryImpl().variableScopeIdIn("p-1", "t-1")))
                .as("Tasklist's columns for a page").isTrue();
        assertThat(GrantsFirstQueries.namesFewVariables(new VariableInstanceQueryImpl().processInstanceIdIn("p-1"))).isTrue();
        assertThat(GrantsFirstQueries.namesFewVariables(new VariableInstanceQueryImpl().taskIdIn("t-1"))).isTrue();
        assertThat(GrantsFirstQueries.namesFewVariables(new VariableInstanceQueryImpl().variableName("caseReference")))
                .as("a name alone: every grant collected").isFalse();
        assertThat(GrantsFirstQueries.namesFewVariables(new VariableInstanceQueryImpl().processInstanceIdIn()))
                .as("an empty list names nothing").isFalse();
    }

    @Test
    void thePagesSizeIsWrittenIntoTheStatementOnlyWhereTheEnginesLimitIsPostgresqlsAndH2s() {
        assertThat(GrantsFirstQueries.pageLimit("LIMIT #{maxResults} OFFSET #{firstResult}"))
                .isEqualTo("LIMIT ${maxResults} OFFSET ${firstResult}");
        assertThat(GrantsFirstQueries.pageLimit(")RES ) SUB WHERE SUB.rnk >= #{firstRow} AND SUB.rnk < #{lastRow}"))
                .as("another database's limit stays the engine's").isEqualTo(")RES ) SUB WHERE SUB.rnk >= #{firstRow} AND SUB.rnk < #{lastRow}");
    }

    /** As the engine configures a team member's query before it runs. */
    private static TaskQueryImpl checked(TaskQueryImpl query) {
        AuthorizationCheck check = new AuthorizationCheck();
        check.setAuthorizationCheckEnabled(true);
        check.setAuthUserId("yot.lewisham");
        check.setUseLeftJoin(false); // as TaskQueryImpl decides with CMMN off
        check.setAuthGroupIds(List.of("yot-lewisham"));
        PermissionCheck read = new PermissionCheck();
        read.setResource(Resources.TASK);
        read.setPermission(Permissions.READ);
        check.addAtomicPermissionCheck(read);
        query.setAuthCheck(check);
        return query;
    }

    private static TaskQueryImpl page(TaskQueryImpl query) {
        query.setFirstResult(0);
        query.setMaxResults(15);
        return query;
    }
}
